import { Database } from '@due-regard/platform';
import type { Clock } from '@due-regard/shared-kernel';
import { createTestDatabase, type TestDatabase } from '@due-regard/testing';
import {
  IDEMPOTENCY_LOCK_MS,
  IDEMPOTENCY_TTL_MS,
  IdempotencyStore,
  type IdempotencyScope,
} from './idempotency.store.js';

class PinnedClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return this.current;
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

describe('idempotency keys in PostgreSQL', () => {
  let database: TestDatabase;
  let db: Database;
  let clock: PinnedClock;
  let store: IdempotencyStore;
  let counter = 0;

  const scope = (overrides: Partial<IdempotencyScope> = {}): IdempotencyScope => ({
    tenantId: 'charnwood',
    actorId: 'f7a1c1de-0000-4000-8000-000000000001',
    key: `key-${counter}`,
    ...overrides,
  });
  const request = { method: 'POST', path: '/api/v1/strategies', bodyHash: 'a'.repeat(64) };
  const response = {
    status: 201,
    body: '{"id":"s-1","version":1}',
    headers: { etag: '"1"', location: '/api/v1/strategies/s-1' },
  };

  beforeAll(async () => {
    database = await createTestDatabase('dr_idempotency');
    db = await Database.open({ url: database.url, embedded: { dataDir: '.data/unused', port: 1 } });
    clock = new PinnedClock(new Date('2025-01-15T10:00:00.000Z'));
    store = new IdempotencyStore(db, clock);
    // Two processes starting together: the advisory lock lets one migrate, the other find it done.
    await Promise.all([store.onModuleInit(), new IdempotencyStore(db, clock).onModuleInit()]);
    await store.onModuleInit();
  });

  beforeEach(() => {
    counter += 1;
  });

  afterAll(async () => {
    await db?.beforeApplicationShutdown();
    await database?.drop();
  });

  it('claims a new key, answers "in progress" to a repeat meanwhile, then replays the first response', async () => {
    expect(await store.claim(scope(), request)).toEqual({ kind: 'claimed' });
    expect(await store.claim(scope(), request)).toEqual({ kind: 'in-progress' });
    await store.complete(scope(), response);
    expect(await store.claim(scope(), request)).toEqual({ kind: 'replay', response });
    expect(await store.claim(scope(), request)).toEqual({ kind: 'replay', response });
  });

  it('refuses the key for another body, method or path, before and after it is answered', async () => {
    await store.claim(scope(), request);
    expect(await store.claim(scope(), { ...request, bodyHash: 'b'.repeat(64) })).toEqual({ kind: 'mismatch' });
    await store.complete(scope(), response);
    expect(await store.claim(scope(), { ...request, bodyHash: 'b'.repeat(64) })).toEqual({ kind: 'mismatch' });
    expect(await store.claim(scope(), { ...request, method: 'PATCH' })).toEqual({ kind: 'mismatch' });
    expect(await store.claim(scope(), { ...request, path: '/api/v1/plans' })).toEqual({ kind: 'mismatch' });
  });

  it('keeps keys apart per council and per user', async () => {
    await store.claim(scope(), request);
    await store.complete(scope(), response);
    expect(await store.claim(scope({ actorId: 'someone-else' }), request)).toEqual({ kind: 'claimed' });
    expect(await store.claim(scope({ tenantId: 'leicestershire' }), request)).toEqual({ kind: 'claimed' });
  });

  it('frees a key whose request failed, for a corrected request', async () => {
    await store.claim(scope(), request);
    await store.release(scope());
    expect(await store.claim(scope(), { ...request, bodyHash: 'c'.repeat(64) })).toEqual({ kind: 'claimed' });
  });

  it('forgets an answered key after 24 hours', async () => {
    await store.claim(scope(), request);
    await store.complete(scope(), response);
    clock.advance(IDEMPOTENCY_TTL_MS - 1);
    expect(await store.claim(scope(), request)).toEqual({ kind: 'replay', response });
    clock.advance(1);
    expect(await store.claim(scope(), { ...request, bodyHash: 'd'.repeat(64) })).toEqual({ kind: 'claimed' });
  });

  it('lets a repeat take over a key whose first request died unanswered', async () => {
    await store.claim(scope(), request);
    clock.advance(IDEMPOTENCY_LOCK_MS - 1);
    expect(await store.claim(scope(), request)).toEqual({ kind: 'in-progress' });
    clock.advance(1);
    expect(await store.claim(scope(), request)).toEqual({ kind: 'claimed' });
  });

  it('lets exactly one of many simultaneous requests with one key claim it', async () => {
    const claims = await Promise.all(Array.from({ length: 8 }, () => store.claim(scope(), request)));
    expect(claims.filter((claim) => claim.kind === 'claimed')).toHaveLength(1);
    expect(claims.filter((claim) => claim.kind === 'in-progress')).toHaveLength(7);
  });
});
