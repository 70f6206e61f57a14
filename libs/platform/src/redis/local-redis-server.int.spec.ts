import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from '../testing/free-port.js';
import { LocalRedisServer, redisAnswers } from './local-redis-server.js';

const LOCAL_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('Redis at REDIS_URL', () => {
  let dataRoot: string;

  beforeAll(async () => {
    dataRoot = await mkdtemp(path.join(tmpdir(), 'dr-redis-'));
    await chmod(dataRoot, 0o755);
  });

  afterAll(async () => {
    await rm(dataRoot, { recursive: true, force: true });
  });

  it('uses the Redis that already answers, starting nothing', async () => {
    expect(await redisAnswers(LOCAL_REDIS_URL)).toBe(true);
    const server = await LocalRedisServer.ensure({ url: LOCAL_REDIS_URL, dataDir: path.join(dataRoot, 'unused') });
    expect(server).toBeNull();
    await expect(readdir(path.join(dataRoot, 'unused'))).rejects.toThrow();
  });

  it('starts redis-server with the append-only file when nothing answers on a local port, and stops it', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const dataDir = path.join(dataRoot, 'spawned');
    expect(await redisAnswers(url)).toBe(false);

    const server = await LocalRedisServer.ensure({ url, dataDir });
    expect(server).not.toBeNull();
    const client = new Redis(url, { lazyConnect: true });
    try {
      await client.connect();
      await client.set('due-regard:test', 'kept');
      expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
      expect(await client.config('GET', 'dir')).toEqual(['dir', dataDir]);
    } finally {
      client.disconnect();
      await server?.stop();
    }

    expect(await redisAnswers(url)).toBe(false);
    expect(await readdir(dataDir)).toEqual(expect.arrayContaining(['appendonlydir']));
  });

  it('refuses to start anything for a Redis on another host', async () => {
    await expect(
      LocalRedisServer.ensure({ url: 'redis://192.0.2.1:6379', dataDir: path.join(dataRoot, 'remote') }),
    ).rejects.toThrow(/Redis does not answer at redis:\/\/192\.0\.2\.1:6379/);
  });
});
