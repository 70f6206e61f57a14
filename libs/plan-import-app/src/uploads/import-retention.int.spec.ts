import { createHash, randomUUID } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { CouncilSettingsModule } from '@due-regard/councils';
import { RequestContext } from '@due-regard/identity';
import { Database, loadConfig, PlatformModule } from '@due-regard/platform';
import { CLOCK, type Clock } from '@due-regard/shared-kernel';
import { createTestDatabase, type TestDatabase, testEnvironment } from '@due-regard/testing';
import { ImportRetention } from './import-retention.js';
import { ImportStore, type ImportRecord } from './import-store.js';
import { IMPORTS_SCHEMA } from './imports.migrations.js';

const NOW = new Date('2026-06-30T12:00:00Z');
const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (days: number): Date => new Date(NOW.getTime() - days * DAY_MS);
const fixedClock: Clock = { now: () => new Date(NOW) };

@Global()
@Module({
  providers: [RequestContext, { provide: CLOCK, useValue: fixedClock }],
  exports: [RequestContext, CLOCK],
})
class TestContextModule {}

describe('purging stored uploads after IMPORT_RETENTION_DAYS', () => {
  let database: TestDatabase;
  let moduleRef: TestingModule;
  let store: ImportStore;
  let retention: ImportRetention;
  let context: RequestContext;
  let db: Database;

  beforeAll(async () => {
    database = await createTestDatabase('dr_import_retention');
    const config = loadConfig(testEnvironment(database.url, { IMPORT_RETENTION_DAYS: '30' }));
    moduleRef = await Test.createTestingModule({
      imports: [PlatformModule.forRoot(config), TestContextModule, CouncilSettingsModule],
      providers: [ImportStore, ImportRetention],
    }).compile();
    await moduleRef.init();
    store = moduleRef.get(ImportStore);
    retention = moduleRef.get(ImportRetention);
    context = moduleRef.get(RequestContext);
    db = moduleRef.get(Database);
  });

  afterAll(async () => {
    await moduleRef?.close();
    await database?.drop();
  });

  const inCouncil = <T>(council: string, work: () => Promise<T>): Promise<T> =>
    context.run({ tenant: { kind: 'council', slug: council }, correlationId: randomUUID(), source: 'api' }, work);

  async function upload(council: string, text: string, lastTouched: Date): Promise<ImportRecord> {
    const bytes = new Uint8Array(Buffer.from(text));
    const record = await inCouncil(council, () =>
      store.create({
        id: randomUUID(),
        uploadedBy: `subject-${council}`,
        fileName: `${text}.txt`,
        mediaType: 'text/plain',
        bytes,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        quarterConvention: 'calendar',
        columnMapping: {},
      }),
    );
    await db.pool.query(`UPDATE ${IMPORTS_SCHEMA}.imports SET updated_at = $2 WHERE import_id = $1`, [
      record.id,
      lastTouched,
    ]);
    return record;
  }

  /** As a commit leaves it (status, who, when, what it created), last touched at `committedAt`. */
  async function committed(record: ImportRecord, committedAt: Date, status = 'committed'): Promise<void> {
    await db.pool.query(
      `UPDATE ${IMPORTS_SCHEMA}.imports
          SET status = $2, preview = '{"actions": []}'::jsonb, defaults = '{}'::jsonb, committed_by = 'subject-editor',
              commit_result = $3, committed_at = $4, updated_at = $4
        WHERE import_id = $1`,
      [record.id, status, JSON.stringify({ plan: { id: 'plan-1' }, strategy: { id: 'strategy-1' } }), committedAt],
    );
  }

  const find = (council: string, id: string) => inCouncil(council, () => store.find(id));
  const contentOf = async (id: string): Promise<Buffer | null | undefined> =>
    (
      await db.pool.query<{ content: Buffer | null }>(
        `SELECT content FROM ${IMPORTS_SCHEMA}.imports WHERE import_id = $1`,
        [id],
      )
    ).rows[0]?.content;

  it('deletes old uploads, strips old committed ones to their audit metadata, and keeps recent ones', async () => {
    const oldUnread = await upload('charnwood', 'old-unread', daysAgo(31));
    const oldOtherCouncil = await upload('leicestershire', 'old-leicestershire', daysAgo(45));
    const recent = await upload('charnwood', 'recent', daysAgo(29));
    const oldCommitted = await upload('charnwood', 'old-committed', daysAgo(60));
    await committed(oldCommitted, daysAgo(40));
    const recentCommitted = await upload('charnwood', 'recent-committed', daysAgo(60));
    await committed(recentCommitted, daysAgo(2));
    const stoppedPartWay = await upload('charnwood', 'stopped-part-way', daysAgo(90));
    await committed(stoppedPartWay, daysAgo(35), 'failed');
    const beingCommitted = await upload('charnwood', 'being-committed', daysAgo(31));
    await db.pool.query(`UPDATE ${IMPORTS_SCHEMA}.imports SET status = 'committing' WHERE import_id = $1`, [
      beingCommitted.id,
    ]);

    expect(retention.cutoff()).toEqual(daysAgo(30));
    const report = await retention.purge();
    expect(report).toEqual({ cutoff: daysAgo(30).toISOString(), deleted: 2, stripped: 2 });

    // Never committed and untouched for over 30 days: gone, in every council.
    expect(await find('charnwood', oldUnread.id)).toBeNull();
    expect(await find('leicestershire', oldOtherCouncil.id)).toBeNull();

    // Recent: as it was, bytes and all.
    expect(await find('charnwood', recent.id)).toMatchObject({ status: 'queued', purgedAt: null });
    expect(await inCouncil('charnwood', () => store.document(recent.id))).toMatchObject({ fileName: 'recent.txt' });
    expect(await find('charnwood', recentCommitted.id)).toMatchObject({ status: 'committed', purgedAt: null });
    expect(await contentOf(recentCommitted.id)).toEqual(Buffer.from('recent-committed'));

    // Committed long ago: the bytes and the preview are gone, what the audit needs stays.
    for (const [record, status] of [
      [oldCommitted, 'committed'],
      [stoppedPartWay, 'failed'],
    ] as const) {
      const kept = await find('charnwood', record.id);
      expect(kept).toMatchObject({
        status,
        fileName: record.fileName,
        sha256: record.sha256,
        byteLength: record.byteLength,
        uploadedBy: 'subject-charnwood',
        committedBy: 'subject-editor',
        commit: { plan: { id: 'plan-1' }, strategy: { id: 'strategy-1' } },
        preview: null,
        defaults: null,
        purgedAt: NOW.toISOString(),
      });
      expect(kept?.committedAt).toBe(daysAgo(record === oldCommitted ? 40 : 35).toISOString());
      expect(await contentOf(record.id)).toBeNull();
      expect(await inCouncil('charnwood', () => store.document(record.id))).toBeNull();
    }

    // A commit in progress is left alone, however old.
    expect(await contentOf(beingCommitted.id)).toEqual(Buffer.from('being-committed'));

    // Purging again finds nothing more to do.
    expect(await retention.purge()).toEqual({ cutoff: daysAgo(30).toISOString(), deleted: 0, stripped: 0 });
  });
});
