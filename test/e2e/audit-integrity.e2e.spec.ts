// Tamper tests: a hostile database editor changes the council's log with SQL, and verification
// (the API, the CLI) names the first broken link. Each case puts the rows back as they were (a
// restore from backup) so that the next starts from a log that verifies.
import { execFile } from 'node:child_process';
import { createPublicKey, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { AuditJobs, auditStreams } from '@due-regard/audit';
import {
  canonicalEventJson,
  EVENT_STORE,
  type EventStore,
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

  let folder: string;
  let publicKeyFile: string;

  function run(command: string, args: readonly string[]): Promise<Run> {
    return new Promise((resolve) => {
      execFile(
        command,
        args,
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

  /** `npm run cli -- ...` as an operator types it, against the running app's database and key. */
  const cli = (...args: string[]): Promise<Run> => run('npm', ['run', '--silent', 'cli', '--', ...args]);

  /** The offline verifier as an auditor runs it: plain Node, the platform's public key given separately. */
  const offline = (...args: string[]): Promise<Run> =>
    run(process.execPath, ['tools/verify-export.mjs', ...args, '--public-key', publicKeyFile]);

  /** The council's evidence zip from the API, written where the offline verifier reads it. */
  async function exportTo(name: string): Promise<string> {
    const response = await request(running.platformUrl)
      .get('/api/v1/audit/export')
      .set('Host', running.councilHost(COUNCIL))
      .set('Authorization', `Bearer ${auditor}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200)
      .expect('Content-Type', 'application/zip');
    const file = join(folder, name);
    await writeFile(file, response.body as Buffer);
    return file;
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
    folder = await mkdtemp(join(tmpdir(), 'audit-export-'));
    publicKeyFile = join(folder, 'key.pem');
    await writeFile(
      publicKeyFile,
      createPublicKey(running.config.eventStore.signingKey.pem ?? '')
        .export({ type: 'spki', format: 'pem' })
        .toString(),
    );
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
    await rm(folder, { recursive: true, force: true });
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

  describe('the offline verifier, on exports taken before and after tampering', () => {
    let before: string;

    beforeAll(async () => {
      before = await exportTo('before.zip');
    });

    it(
      'finds an untouched export valid, and an export from the CLI the same',
      async () => {
        const valid = await offline(before);
        expect(valid.stdout).toMatch(/^VALID: \d+ streams, \d+ events, 2 checkpoints/);
        expect(valid.code).toBe(0);

        const fromCli = join(folder, 'cli.zip');
        const exported = await cli('audit:export', '--council', COUNCIL, '--out', fromCli);
        expect(exported.stdout).toMatch(/^Exported charnwood's log \(\d+ events\) to /);
        expect(exported.code).toBe(0);
        const again = await offline(fromCli, '--against', before);
        expect(again.stdout).toMatch(/^VALID: .* 2 checkpoints; everything of .*before\.zip is still here/);
        expect(again.code).toBe(0);
      },
      2 * CLI_TIMEOUT_MS,
    );

    it.each([
      [
        "a row's data edited",
        [
          `UPDATE event_store.events SET data = jsonb_set(data, '{title}', '"TAMPERED title"') WHERE stream_id = $1 AND stream_version = 1`,
        ],
        'at version 1: hash_mismatch',
      ],
      [
        'a row deleted',
        [`DELETE FROM event_store.events WHERE stream_id = $1 AND stream_version = 2`],
        'at version 2: missing_event',
      ],
      [
        'two rows swapped',
        [
          `UPDATE event_store.events SET stream_version = -stream_version WHERE stream_id = $1 AND stream_version IN (2, 3)`,
          `UPDATE event_store.events SET stream_version = CASE stream_version WHEN -2 THEN 3 ELSE 2 END WHERE stream_id = $1 AND stream_version < 0`,
        ],
        'at version 2: hash_mismatch',
      ],
    ])('names the break after %s', async (_case, edits, named) => {
      const restore = await backup(planStream);
      for (const edit of edits) await sql.query(edit, [planStream]);
      const after = await exportTo('after.zip');
      const verdict = await offline(after, '--against', before);
      expect(verdict.code).toBe(1);
      expect(verdict.stdout.split('\n')[0]).toContain(`NOT VALID`);
      expect(verdict.stdout.split('\n')[0]).toContain(`${planStream} ${named}`);
      await restore();
    });

    it('catches a recomputed chain with the checkpoints deleted too, against the export taken before', async () => {
      const checkpointStream = `checkpoint-${COUNCIL}.chain`;
      const restoreStrategy = await backup(strategyStream);
      const restoreCheckpoints = await backup(checkpointStream);
      await sql.query(
        `UPDATE event_store.events SET data = jsonb_set(data, '{title}', '"TAMPERED title"') WHERE stream_id = $1 AND stream_version = 1`,
        [strategyStream],
      );
      await recomputeChain(strategyStream);
      await sql.query(`DELETE FROM event_store.events WHERE stream_id = $1`, [checkpointStream]);
      await sql.query(`DELETE FROM event_store.streams WHERE stream_id = $1`, [checkpointStream]);
      // Inside the database nothing is left to tell: the chains hold and no checkpoint remains.
      expect(await verify()).toMatchObject({ valid: true, checkpoints: 0 });
      const after = await exportTo('after.zip');
      expect((await offline(after)).code).toBe(0);

      const verdict = await offline(after, '--against', before);
      expect(verdict.code).toBe(1);
      expect(verdict.stdout).toMatch(/^NOT VALID \(\d+ streams, \d+ events, 0 checkpoints; \d+ broken\)/);
      expect(verdict.stdout).toContain(`${strategyStream} at version 1: changed_since_earlier_export`);
      expect(verdict.stdout).toContain('checkpoint_missing');
      expect(verdict.stdout).toContain('checkpoint_mismatch');
      await restoreCheckpoints();
      await restoreStrategy();
      expect((await verify()).valid).toBe(true);
    });

    it('refuses what is not an export in one line', async () => {
      const notZip = join(folder, 'not.zip');
      await writeFile(notZip, 'hello');
      const verdict = await offline(notZip);
      expect(verdict.code).toBe(1);
      expect(verdict.stderr.trim()).toBe(`${notZip} is not a zip archive`);
    });
  });

  describe('the audit queue', () => {
    async function health(): Promise<{ status: string; integrity?: { council: string; streams: string[] }[] }> {
      const response = await request(running.platformUrl).get('/health').expect(200);
      return response.body as { status: string; integrity?: { council: string; streams: string[] }[] };
    }

    async function runJob(reason: string, checkpoint: boolean): Promise<unknown> {
      const jobs = running.app.get(AuditJobs);
      const job = await jobs.verifyNow(reason, { checkpoint });
      // The worker in this process takes the job; its outcome is read from Redis until it is there.
      for (;;) {
        const state = await job.getState();
        if (state === 'completed' || state === 'failed') {
          const finished = await jobs.find(job.id ?? '');
          expect(state).toBe('completed');
          return finished?.returnvalue;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }

    it('raises the alarm on a break (health degraded naming the stream, IntegrityBreakDetected outside it) and lowers it after the restore', async () => {
      const store = running.app.get<EventStore>(EVENT_STORE);
      expect((await health()).status).toBe('ok');
      expect((await verify()).valid).toBe(true);
      const restore = await backup(planStream);
      await sql.query(
        `UPDATE event_store.events SET data = jsonb_set(data, '{title}', '"TAMPERED title"') WHERE stream_id = $1 AND stream_version = 1`,
        [planStream],
      );
      const checkpointsBefore = (await verify()).checkpoints;
      const result = await runJob(`tamper-${randomUUID()}`, true);
      const namesTheBreak: unknown = expect.stringContaining(`${planStream} at version 1: hash_mismatch`);
      expect(result).toMatchObject({ broken: [{ council: COUNCIL, firstBreak: namesTheBreak }] });
      expect(await health()).toMatchObject({
        status: 'degraded',
        integrity: [{ council: COUNCIL, streams: [planStream] }],
      });
      const alarm = await store.readStream(auditStreams.alarm(COUNCIL));
      expect(alarm.at(-1)).toMatchObject({
        type: 'IntegrityBreakDetected',
        data: { breaks: [{ stream: planStream, version: 1, reason: 'hash_mismatch' }] },
        metadata: { actorId: 'system:due-regard', source: 'job' },
      });

      await restore();
      const daily = await runJob(`restored-${randomUUID()}`, true);
      expect(daily).toMatchObject({ broken: [] });
      expect((await health()).status).toBe('ok');
      expect((await store.readStream(auditStreams.alarm(COUNCIL))).at(-1)?.type).toBe('IntegrityRestored');
      // The daily run takes a checkpoint of each council whose log verifies.
      expect((await verify()).checkpoints).toBe(checkpointsBefore + 1);
    });
  });
});
