import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Module } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { EVENT_STORE, NO_STREAM, streamName, type EventStore } from '@due-regard/event-store';
import { createTestDatabase, generateSigningKeyPem, type TestDatabase } from '@due-regard/testing';
import { loadConfig } from '../config/app-config.js';
import { PlatformModule } from '../platform.module.js';
import { EventStoreModule } from './event-store.module.js';
import { loadOrCreateDevSigningKey } from './signing-key.js';

@Module({
  imports: [
    EventStoreModule.forUpcasters([
      { eventType: 'ActionReworded', fromSchemaVersion: 1, upcast: (data) => ({ ...data, wording: data.text ?? '' }) },
    ]),
  ],
})
class PlansModule {}

@Module({
  imports: [
    EventStoreModule.forUpcasters([
      { eventType: 'ActionReworded', fromSchemaVersion: 2, upcast: ({ text: _text, ...data }) => data },
    ]),
  ],
})
class ReportsModule {}

describe('the EVENT_STORE provider', () => {
  let database: TestDatabase;
  let moduleRef: TestingModule;

  beforeAll(async () => {
    database = await createTestDatabase('dr_platform_event_store');
    const config = loadConfig({
      DATABASE_URL: database.url,
      REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      EVENT_STORE_SIGNING_KEY: generateSigningKeyPem(),
      EVENT_STORE_SIGNING_KEY_ID: 'test-key',
      LOG_LEVEL: 'error',
    });
    moduleRef = await Test.createTestingModule({
      imports: [PlatformModule.forRoot(config), PlansModule, ReportsModule],
    }).compile();
    await moduleRef.init();
  });

  afterAll(async () => {
    await moduleRef.close();
    await database.drop();
  });

  it('applies the upcasters every module contributed, in schema order', async () => {
    const store = moduleRef.get<EventStore>(EVENT_STORE);
    const stream = streamName('action', 'charnwood', 'a-1');
    await store.append(
      stream,
      [
        {
          type: 'ActionReworded',
          schemaVersion: 1,
          data: { text: 'Publish the plan' },
          metadata: {
            tenantId: 'charnwood',
            actorId: 'subject-1',
            correlationId: 'c-1',
            causationId: null,
            occurredAt: '2026-01-05T10:00:00.000Z',
            source: 'api',
          },
        },
      ],
      NO_STREAM,
    );
    const [event] = await store.readStream(stream);
    expect(event).toEqual(expect.objectContaining({ schemaVersion: 3, data: { wording: 'Publish the plan' } }));
  });

  it('signs checkpoints with the configured key id', async () => {
    const checkpoint = await moduleRef.get<EventStore>(EVENT_STORE).exportTenantCheckpoint('charnwood');
    expect(checkpoint.signature.keyId).toBe('test-key');
  });
});

describe('the development signing key', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dr-signing-key-'));
    await chmod(dir, 0o700);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is generated once, even by processes starting together, and then kept', async () => {
    const file = path.join(dir, 'nested', 'key.pem');
    const results = await Promise.all([
      loadOrCreateDevSigningKey(file),
      loadOrCreateDevSigningKey(file),
      loadOrCreateDevSigningKey(file),
    ]);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.pem)).size).toBe(1);
    expect(await readFile(file, 'utf8')).toBe(results[0]?.pem);
    expect(await loadOrCreateDevSigningKey(file)).toEqual({ pem: results[0]?.pem, created: false });
  });
});
