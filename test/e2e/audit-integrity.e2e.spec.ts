// Tamper tests: a hostile database editor changes the council's log with SQL, and verification
// (the API, the CLI) names the first broken link. Each case puts the rows back as they were (a
// restore from backup) so that the next starts from a log that verifies.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import {
  canonicalEventJson,
  chainHash,
  GENESIS_HASH,
  type EventMetadata,
  type JsonObject,
} from '@due-regard/event-store';
import { PlansEvents } from './support/plans-read-events.js';
import { startDueRegard, type RunningApp } from './support/running-app.js';

const COUNCIL = 'charnwood';

interface Verification {
  readonly valid: boolean;
  readonly streams: number;
  readonly events: number;
  readonly checkpoints: number;
  readonly breaks: readonly {
    readonly stream: string;
    readonly version: number;
    readonly reason: string;
    readonly detail: string;
  }[];
}

interface EventRow {
  readonly event_id: string;
  readonly stream_id: string;
  readonly stream_version: string;
  readonly type: string;
  readonly schema_version: number;
  readonly data: JsonObject;
  readonly metadata: EventMetadata;
  readonly hash: Buffer;
}

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Each CLI run builds and boots a Nest application context: seconds, more on a busy machine. */
const CLI_TIMEOUT_MS = 120_000;

describe("verifying a council's log after hostile SQL edits", () => {
  let running: RunningApp;
  let sql: pg.Client;
  let auditor: string;
  let admin: string;
  let viewer: string;
  const planId = randomUUID();
  const strategyId = randomUUID();
  const planStream = `plan-${COUNCIL}.${planId}`;
  const strategyStream = `strategy-${COUNCIL}.${strategyId}`;

  function cli(...args: string[]): Promise<Run> {
    return new Promise((resolve) => {
      execFile(
        'npm',
        ['run', '--silent', 'cli', '--', ...args],
        {
          env: {
            ...process.env,
            DATABASE_URL: running.config.database.url ?? '',
            EVENT_STORE_SIGNING_KEY: running.config.eventStore.signingKey.pem ?? '',
            NODE_ENV: 'test',
          },
          timeout: CLI_TIMEOUT_MS,
        },
        (error, stdout, stderr) => {
          resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
        },
      );
    });
  }

  async function verify(token = auditor): Promise<Verification> {
    const response = await request(running.platformUrl)
      .get('/api/v1/audit/verify')
      .set('Host', running.councilHost(COUNCIL))
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    return response.body as Verification;
  }

  async function takeCheckpoint(token = auditor): Promise<request.Response> {
    return request(running.platformUrl)
      .post('/api/v1/audit/checkpoints')
      .set('Host', running.councilHost(COUNCIL))
      .set('Authorization', `Bearer ${token}`);
  }

  async function rows(streamId: string): Promise<EventRow[]> {
    const result = await sql.query<EventRow>(
      `SELECT event_id, stream_id, stream_version, type, schema_version, data, metadata, hash
         FROM event_store.events WHERE stream_id = $1 ORDER BY stream_version`,
      [streamId],
    );
    return result.rows;
  }

  /** What an attacker with write access but no key does after an edit: re-chains the stream and its head. */
  async function recomputeChain(streamId: string): Promise<void> {
    let previous = GENESIS_HASH;
    for (const row of await rows(streamId)) {
      previous = chainHash(
        previous,
        canonicalEventJson({
          id: row.event_id,
          streamId: row.stream_id,
          streamVersion: Number(row.stream_version),
          type: row.type,
          schemaVersion: row.schema_version,
          data: row.data,
          metadata: row.metadata,
        }),
      );
      await sql.query(`UPDATE event_store.events SET hash = $1 WHERE event_id = $2`, [
        Buffer.from(previous, 'hex'),
        row.event_id,
      ]);
    }
    await sql.query(`UPDATE event_store.streams SET head_hash = $1 WHERE stream_id = $2`, [
      Buffer.from(previous, 'hex'),
      streamId,
    ]);
  }

  /** The stream's events and head as they are now, and a way to put them back (the restore from backup). */
  async function backup(streamId: string): Promise<() => Promise<void>> {
    const events = await sql.query(`SELECT * FROM event_store.events WHERE stream_id = $1`, [streamId]);
    const head = await sql.query(`SELECT * FROM event_store.streams WHERE stream_id = $1`, [streamId]);
    return async () => {
      await sql.query('BEGIN');
      await sql.query(`DELETE FROM event_store.events WHERE stream_id = $1`, [streamId]);
      await sql.query(`DELETE FROM event_store.streams WHERE stream_id = $1`, [streamId]);
      for (const row of events.rows as Record<string, unknown>[]) {
        await sql.query(
          `INSERT INTO event_store.events (transaction_id, global_position, event_id, stream_id, stream_version, tenant_id, type, schema_version, data, metadata, hash, recorded_at)
           OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [
            row['transaction_id'],
            row['global_position'],
            row['event_id'],
            row['stream_id'],
            row['stream_version'],
            row['tenant_id'],
            row['type'],
            row['schema_version'],
            row['data'],
            row['metadata'],
            row['hash'],
            row['recorded_at'],
          ],
        );
      }
      for (const row of head.rows as Record<string, unknown>[]) {
        await sql.query(
          `INSERT INTO event_store.streams (stream_id, tenant_id, version, head_hash, updated_at) VALUES ($1, $2, $3, $4, $5)`,
          [row['stream_id'], row['tenant_id'], row['version'], row['head_hash'], row['updated_at']],
        );
      }
      await sql.query('COMMIT');
    };
  }

  beforeAll(async () => {
    running = await startDueRegard();
    sql = new pg.Client({ connectionString: running.config.database.url ?? '' });
    await sql.connect();
    [auditor, admin, viewer] = await Promise.all([
      running.tokenFor(`${COUNCIL}.auditor`),
      running.tokenFor(`${COUNCIL}.admin`),
      running.tokenFor(`${COUNCIL}.viewer`),
    ]);
    const events = new PlansEvents(running, COUNCIL);
    const objectives: [string, string] = [randomUUID(), randomUUID()];
    await events.strategyAndPlan(strategyId, planId, objectives);
    for (const ref of ['1.1', '1.2', '1.3']) {
      await events.addAction(planId, randomUUID(), {
        ref,
        objectiveId: objectives[0],
        objectiveIds: objectives,
        due: 'March 2026',
        leads: ['HR'],
      });
    }
  }, 120_000);

  afterAll(async () => {
    await sql.end();
    await running.close();
  });

  it('finds an untouched log valid, for the auditor and the council admin, and not for a viewer', async () => {
    const verification = await verify();
    expect(verification).toMatchObject({ valid: true, checkpoints: 0, breaks: [] });
    expect(verification.events).toBeGreaterThanOrEqual(10);
    expect((await verify(admin)).valid).toBe(true);
    await request(running.platformUrl)
      .get('/api/v1/audit/verify')
      .set('Host', running.councilHost(COUNCIL))
      .set('Authorization', `Bearer ${viewer}`)
      .expect(403);
  });

  it("names the edited event when a row's data is changed", async () => {
    const restore = await backup(planStream);
    const [first] = await rows(planStream);
    await sql.query(
      `UPDATE event_store.events SET data = jsonb_set(data, '{title}', '"TAMPERED title"') WHERE event_id = $1`,
      [first?.event_id],
    );
    const verification = await verify();
    expect(verification.valid).toBe(false);
    expect(verification.breaks[0]).toMatchObject({ stream: planStream, version: 1, reason: 'hash_mismatch' });
    expect(verification.breaks[0]?.detail).toContain(`recorded ${first?.hash.toString('hex')}`);
    await restore();
    expect((await verify()).valid).toBe(true);
  });

  it('names the missing version when a row is deleted', async () => {
    const restore = await backup(planStream);
    await sql.query(`DELETE FROM event_store.events WHERE stream_id = $1 AND stream_version = 2`, [planStream]);
    const verification = await verify();
    expect(verification.breaks[0]).toMatchObject({ stream: planStream, version: 2, reason: 'missing_event' });
    await restore();
  });

  it('finds two events swapped', async () => {
    const restore = await backup(planStream);
    await sql.query('BEGIN');
    await sql.query(`UPDATE event_store.events SET stream_version = -1 WHERE stream_id = $1 AND stream_version = 2`, [
      planStream,
    ]);
    await sql.query(`UPDATE event_store.events SET stream_version = 2 WHERE stream_id = $1 AND stream_version = 3`, [
      planStream,
    ]);
    await sql.query(`UPDATE event_store.events SET stream_version = 3 WHERE stream_id = $1 AND stream_version = -1`, [
      planStream,
    ]);
    await sql.query('COMMIT');
    const verification = await verify();
    expect(verification.breaks[0]).toMatchObject({ stream: planStream, version: 2, reason: 'hash_mismatch' });
    await restore();
  });

  it('cannot see an edit whose chain and head were recomputed without a checkpoint, and can with one taken before', async () => {
    const restore = await backup(strategyStream);
    await sql.query(
      `UPDATE event_store.events SET data = jsonb_set(data, '{title}', '"TAMPERED title"') WHERE stream_id = $1 AND stream_version = 1`,
      [strategyStream],
    );
    await recomputeChain(strategyStream);
    // The unkeyed chain alone is no proof: whoever can write the table can re-chain it.
    expect(await verify()).toMatchObject({ valid: true, checkpoints: 0 });
    await restore();

    const taken = await takeCheckpoint();
    expect(taken.status).toBe(201);
    expect(taken.body).toMatchObject({ sequence: 1, checkpoint: { previousDigest: '0'.repeat(64) } });
    const first = taken.body as { digest: string };
    expect((await takeCheckpoint(admin)).body).toMatchObject({
      sequence: 2,
      checkpoint: { previousDigest: first.digest },
    });
    expect((await takeCheckpoint(viewer)).status).toBe(403);

    const before = (await rows(strategyStream)).at(-1)?.hash.toString('hex');
    await sql.query(
      `UPDATE event_store.events SET data = jsonb_set(data, '{title}', '"TAMPERED title"') WHERE stream_id = $1 AND stream_version = 1`,
      [strategyStream],
    );
    await recomputeChain(strategyStream);
    const verification = await verify();
    expect(verification).toMatchObject({ valid: false, checkpoints: 2 });
    expect(verification.breaks).toEqual([
      expect.objectContaining({ stream: strategyStream, reason: 'checkpoint_mismatch', version: 3 }),
    ]);
    expect(verification.breaks[0]?.detail).toContain(`expected ${before}`);

    // No checkpoint seals a broken log.
    const refused = await takeCheckpoint();
    expect(refused.status).toBe(409);
    expect((refused.body as { detail: string }).detail).toContain(strategyStream);
    await restore();
    expect((await verify()).valid).toBe(true);
  });

  it('finds a checkpoint edited in the database: its signature no longer verifies', async () => {
    const checkpointStream = `checkpoint-${COUNCIL}.chain`;
    const restore = await backup(checkpointStream);
    await sql.query(
      `UPDATE event_store.events SET data = jsonb_set(data, '{checkpoint,heads,0,hash}', to_jsonb(repeat('a', 64))) WHERE stream_id = $1 AND stream_version = 1`,
      [checkpointStream],
    );
    await recomputeChain(checkpointStream);
    const verification = await verify();
    expect(verification.breaks[0]).toMatchObject({ stream: checkpointStream, version: 1, reason: 'checkpoint_digest' });
    await restore();
  });

  it(
    'audit:verify exits 0 on a valid log and 1 naming the first break',
    async () => {
      const valid = await cli('audit:verify', '--council', COUNCIL);
      expect(valid.stdout).toMatch(/charnwood's log verifies: \d+ streams, \d+ events, 2 checkpoints/);
      expect(valid.code).toBe(0);

      const restore = await backup(planStream);
      await sql.query(`DELETE FROM event_store.events WHERE stream_id = $1 AND stream_version = 2`, [planStream]);
      const broken = await cli('audit:verify', '--council', COUNCIL);
      expect(broken.code).toBe(1);
      expect(broken.stderr.trim()).toMatch(
        new RegExp(`does NOT verify .*${planStream.replace('.', '\\.')} at version 2: missing_event`),
      );
      await restore();

      const unknown = await cli('audit:verify', '--council', 'nowhere');
      expect(unknown.code).toBe(1);
      expect(unknown.stderr.trim()).toMatch(/^There is no council "nowhere"/);
    },
    3 * CLI_TIMEOUT_MS,
  );
});
