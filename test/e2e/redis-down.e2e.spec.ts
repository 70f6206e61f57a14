import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { createHttpApplication, LocalRedisServer, loadConfig, RedisConnection } from '@due-regard/platform';
import { createTestDatabase, demoUserTokens, testEnvironment, type TestDatabase } from '@due-regard/testing';
import { ApiModule } from '../../apps/api/src/api.module.js';
import { freePort } from './support/running-app.js';

// A Redis of this test's own (a redis-server child on a free port), stopped under the running API
// app: the machine's Redis is never touched. (The API app, not the standalone one: BullMQ's workers
// do not close after Redis came back, see the report on issue 11.) While it is down, pages answer GOV.UK's "service
// unavailable" page and the API a 503 problem, at once; before, queueing an upload waited for
// Redis for ever.
describe('with Redis down', () => {
  let dataDir: string;
  let redisUrl: string;
  let redis: LocalRedisServer | null;
  let database: TestDatabase;
  let app: INestApplication;
  let platformUrl: string;
  let port: number;
  let token: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dr-redis-down-'));
    redisUrl = `redis://127.0.0.1:${await freePort()}`;
    redis = await LocalRedisServer.ensure({ url: redisUrl, dataDir });
    database = await createTestDatabase('dr_e2e_redis_down');
    port = await freePort();
    const config = loadConfig(testEnvironment(database.url, { PORT: String(port), REDIS_URL: redisUrl }));
    app = await createHttpApplication(config, [ApiModule.forRoot(config)]);
    await app.listen(port);
    platformUrl = `http://localhost:${port}`;
    token = (await demoUserTokens(platformUrl, 'charnwood.editor')).access_token;
    await redis?.stop();
    const connection = app.get(RedisConnection);
    while (connection.ready) await new Promise((resolve) => setTimeout(resolve, 20));
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
    await redis?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers a page with the service-unavailable page (503)', async () => {
    const response = await request(platformUrl)
      .get('/plans')
      .set('Host', `charnwood.localhost:${port}`)
      .set('Accept', 'text/html');
    expect(response.status).toBe(503);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['retry-after']).toBe('30');
    expect(response.text).toContain('Sorry, the service is unavailable');
  });

  it('answers an upload, which needs the queue, with a 503 problem', async () => {
    const response = await request(platformUrl)
      .post('/api/v1/imports')
      .set('Host', `charnwood.localhost:${port}`)
      .auth(token, { type: 'bearer' })
      .attach('file', Buffer.from('Ref\tAction\n1.1\tPublish the report\n'), 'plan.txt');
    expect(response.status).toBe(503);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 503 });
  });

  it('answers a projection rebuild with a 503 problem', async () => {
    const admin = (await demoUserTokens(platformUrl, 'charnwood.admin')).access_token;
    const response = await request(platformUrl)
      .post('/api/v1/projections/rebuild')
      .set('Host', `charnwood.localhost:${port}`)
      .auth(admin, { type: 'bearer' });
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ type: 'urn:due-regard:problem:service-unavailable' });
  });

  it('reports Redis down on /health', async () => {
    const response = await request(platformUrl).get('/health');
    expect(response.status).toBe(503);
  });
});
