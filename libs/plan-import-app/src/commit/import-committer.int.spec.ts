import { randomUUID } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { EVENT_STORE, START, type EventStore, type RecordedEvent } from '@due-regard/event-store';
import { RequestContext, type CouncilRole, type Principal } from '@due-regard/identity';
import { parsePlanDocument, type PlanPreview } from '@due-regard/plan-import';
import { loadConfig, PlatformModule } from '@due-regard/platform';
import { createTestDatabase, type TestDatabase, testEnvironment } from '@due-regard/testing';
import { PlanImportCoreModule } from '../plan-import.module.js';
import { DEMO_DOCUMENTS, demoDocument } from '../testing/demo-documents.js';
import { largePreview } from '../testing/large-preview.js';
import { ImportCommitError, ImportForbiddenError, type CommitOptions } from './commit-types.js';
import { importDefaultsFor } from './document-lines.js';
import { ImportCommitter, importPrincipal } from './import-committer.js';

@Global()
@Module({ providers: [RequestContext], exports: [RequestContext] })
class TestRequestContextModule {}

type Data = Record<string, unknown>;

describe('committing an import preview through the plans commands', () => {
  let database: TestDatabase;
  let moduleRef: TestingModule;
  let store: EventStore;
  let committer: ImportCommitter;

  beforeAll(async () => {
    database = await createTestDatabase('dr_plan_import');
    const config = loadConfig(testEnvironment(database.url));
    moduleRef = await Test.createTestingModule({
      imports: [PlatformModule.forRoot(config), TestRequestContextModule, PlanImportCoreModule],
    }).compile();
    await moduleRef.init();
    store = moduleRef.get<EventStore>(EVENT_STORE);
    committer = moduleRef.get(ImportCommitter);
  });

  afterAll(async () => {
    await moduleRef?.close();
    await database?.drop();
  });

  async function eventsOf(council: string): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    let after = START;
    for (;;) {
      const batch = await store.readAll({ after, batchSize: 500, tenantId: council });
      events.push(...batch.events);
      after = batch.position;
      if (batch.caughtUp) return events;
    }
  }

  const ofType = (events: readonly RecordedEvent[], type: string): Data[] =>
    events.filter((event) => event.type === type).map((event) => event.data);

  function counts(events: readonly RecordedEvent[]): Record<string, number> {
    const counted: Record<string, number> = {};
    for (const event of events) counted[event.type] = (counted[event.type] ?? 0) + 1;
    return counted;
  }

  async function previewOf(
    name: string,
  ): Promise<{ preview: PlanPreview; options: Omit<CommitOptions, 'council' | 'principal'> }> {
    const document = demoDocument(name);
    const preview = await parsePlanDocument(document);
    return {
      preview,
      options: {
        document: { name, sha256: preview.source.sha256 },
        defaults: await importDefaultsFor(document, preview, '2026-11-23'),
      },
    };
  }

  /** Someone signed in with one role in the council. */
  function signedIn(council: string, role: CouncilRole): Principal {
    return {
      subject: randomUUID(),
      username: `${council}.${role}`,
      displayName: `${council} ${role}`,
      clientId: 'due-regard-web',
      groups: [`/councils/${council}/${role}`],
      realmRoles: [],
    };
  }

  it("commits Charnwood's 2024-2026 plan: 4 objectives and 23 actions, every event marked as imported from the document", async () => {
    const { preview, options } = await previewOf(DEMO_DOCUMENTS.charnwood2024);
    const result = await committer.commit(preview, {
      ...options,
      council: 'charnwood',
      principal: importPrincipal('charnwood', 'plan-editor'),
    });

    expect(result).toMatchObject({
      council: 'charnwood',
      strategy: {
        title: 'Equality Strategy 2024-2028',
        period: { from: '2024-04-01', to: '2028-03-31' },
        status: 'draft',
      },
      plan: {
        title: 'Equality Strategy Action Plan 2024 – 2026',
        period: { from: '2024-04-01', to: '2026-03-31' },
        status: 'draft',
      },
      objectives: 4,
      actions: 23,
      dueRevisions: 0,
      progressEntries: 0,
    });
    const events = await eventsOf('charnwood');
    expect(counts(events)).toEqual({
      StrategyDrafted: 1,
      ObjectiveAdded: 4,
      ActionPlanDrafted: 1,
      ActionRegistered: 23,
      ActionAdded: 23,
    });
    expect(ofType(events, 'ObjectiveAdded').map((objective) => objective['ref'])).toEqual([
      'PEO 1',
      'PEO 2',
      'PEO 3',
      'PEO 4',
    ]);
    const actions = ofType(events, 'ActionAdded');
    expect(actions.map((action) => action['ref'])).toEqual([
      ...['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8'],
      ...['2.1', '2.2', '2.3', '2.4', '2.5', '2.6'],
      ...['3.1', '3.2', '3.3', '3.4', '3.5'],
      ...['4.1', '4.2', '4.3', '4.4'],
    ]);
    const byRef = new Map(actions.map((action) => [action['ref'], action]));
    expect(byRef.get('1.2')?.['due']).toMatchObject({ text: 'June 2024', kind: 'date', dates: ['2024-06-30'] });
    expect(byRef.get('1.4')?.['due']).toMatchObject({ kind: 'milestones', dates: ['2024-09-30', '2025-09-30'] });
    expect(byRef.get('4.3')?.['due']).toMatchObject({ text: 'Annual – April 2025', kind: 'recurring' });
    expect(byRef.get('1.6')?.['leads']).toEqual([
      'Transformation, Strategy and Performance Team',
      'Democratic Services',
    ]);
    expect(byRef.get('1.2')?.['successMeasures']).toEqual([
      'Views of care experienced people are included during the development of new policies.',
    ]);

    for (const event of events) {
      expect(event.metadata).toMatchObject({
        tenantId: 'charnwood',
        source: 'import',
        actorId: 'system:due-regard',
        correlationId: result.correlationId,
        extra: { documentName: DEMO_DOCUMENTS.charnwood2024, documentSha256: preview.source.sha256 },
      });
    }
  });

  it("commits Charnwood's 2016-2018 plan closed, with its progress and the due revisions of 3.1 and 3.3", async () => {
    const { preview, options } = await previewOf(DEMO_DOCUMENTS.charnwood2016);
    const result = await committer.commit(preview, {
      ...options,
      council: 'charnwood-archive',
      principal: importPrincipal('charnwood-archive', 'council-admin'),
      lifecycle: 'closed',
      archiveStrategy: true,
      dates: { adoptedOn: '2016-04-01', publishedOn: '2016-04-01', closedOn: '2018-03-31', archivedOn: '2020-03-31' },
    });

    expect(result).toMatchObject({
      strategy: { title: 'Equality Strategy 2016-2020', status: 'archived' },
      plan: { period: { from: '2016-04-01', to: '2018-03-31' }, status: 'closed' },
      objectives: 6,
      actions: 31,
      dueRevisions: 2,
      progressEntries: 31,
    });
    const events = await eventsOf('charnwood-archive');
    expect(counts(events)).toMatchObject({
      ObjectiveAdded: 6,
      ActionAdded: 31,
      DueRevised: 2,
      ProgressRecorded: 31,
      ActionPlanPublished: 1,
      ActionPlanClosed: 1,
      StrategyArchived: 1,
    });
    expect(ofType(events, 'ActionPlanClosed')[0]).toMatchObject({ closedOn: '2018-03-31' });
    const refOf = new Map(ofType(events, 'ActionAdded').map((action) => [action['actionId'], action['ref']]));
    expect(ofType(events, 'ActionAdded').filter((action) => action['ref'] === '3.5')).toHaveLength(1);
    expect(ofType(events, 'ActionAdded').find((action) => action['ref'] === '4.2')?.['due']).toMatchObject({
      kind: 'recurring',
      frequency: 'quarterly',
    });
    expect(
      ofType(events, 'DueRevised').map((revision) => [
        refOf.get(revision['actionId']),
        (revision['due'] as Data)['text'],
        (revision['previousDue'] as Data)['text'],
        revision['reason'],
      ]),
    ).toEqual([
      ['3.1', 'May 2018', 'March 2018', 'Date revised to May 2018.'],
      ['3.3', 'July 2018', 'April 2018', 'Date revised to July 2018.'],
    ]);
    const progress = ofType(events, 'ProgressRecorded');
    expect(new Set(progress.map((entry) => refOf.get(entry['actionId']))).size).toBe(31);
    expect(progress.every((entry) => entry['asOf'] === '2018-03-31' && String(entry['narrative']).length > 0)).toBe(
      true,
    );
    const statusOf = new Map(progress.map((entry) => [refOf.get(entry['actionId']), entry['status']]));
    expect([statusOf.get('1.1'), statusOf.get('3.1'), statusOf.get('3.3'), statusOf.get('4.6')]).toEqual([
      'completed',
      'in-progress',
      'in-progress',
      'in-progress',
    ]);
  });

  it("commits Leicestershire's strategy and plan published: 8 pillars, 33 actions with their leads, descriptions and outputs", async () => {
    const admin = signedIn('leicestershire', 'council-admin');
    const { preview, options } = await previewOf(DEMO_DOCUMENTS.leicestershire);
    const result = await committer.commit(preview, {
      ...options,
      council: 'leicestershire',
      principal: admin,
      lifecycle: 'published',
    });

    expect(result).toMatchObject({
      strategy: { title: 'Equality, Diversity and Inclusion Strategy 2024-2028', status: 'published' },
      plan: { title: 'Equality, Diversity and Inclusion Action Plan 2024-2028', status: 'published' },
      objectives: 8,
      actions: 33,
    });
    const events = await eventsOf('leicestershire');
    expect(counts(events)).toMatchObject({
      ObjectiveAdded: 8,
      ActionAdded: 33,
      StrategyAdopted: 1,
      StrategyPublished: 1,
      ActionPlanSubmitted: 1,
      ActionPlanApproved: 1,
      ActionPlanPublished: 1,
    });
    const objectives = ofType(events, 'ObjectiveAdded');
    expect(objectives.every((objective) => objective['ref'] === null)).toBe(true);
    expect(objectives.map((objective) => objective['title'])).toContain('Visible Leadership and Commitment');
    const actions = ofType(events, 'ActionAdded');
    expect(actions.every((action) => action['ref'] === null)).toBe(true);
    expect(actions.filter((action) => (action['leads'] as string[]).length > 0)).toHaveLength(32);
    expect(actions.every((action) => typeof action['description'] === 'string')).toBe(true);
    expect(actions.filter((action) => (action['successMeasures'] as string[]).length > 0).length).toBeGreaterThan(25);
    // What the preview read is what was recorded, action by action.
    expect(
      actions.map((action) => [action['title'], action['description'], action['leads'], action['successMeasures']]),
    ).toEqual(
      preview.actions.map((action) => [
        action.title.replace(/\s+/g, ' ').trim(),
        action.description?.trim() ?? null,
        action.leads,
        action.measures,
      ]),
    );
    expect(actions[0]?.['due']).toMatchObject({
      text: 'Q1 2024 - Q2 2024',
      kind: 'range',
      dates: ['2024-01-01', '2024-06-30'],
    });
    expect(
      events.every((event) => event.metadata.actorId === admin.subject && event.metadata.source === 'import'),
    ).toBe(true);
  });

  it("refuses a plan editor's import that would publish, close or archive the strategy, before appending anything", async () => {
    const { preview, options } = await previewOf(DEMO_DOCUMENTS.charnwood2016);
    const editor = signedIn('editor-refused', 'plan-editor');
    for (const asked of [
      { lifecycle: 'published' },
      { lifecycle: 'closed' },
      { lifecycle: 'draft', archiveStrategy: true },
    ] as const) {
      const error = await committer
        .commit(preview, { ...options, ...asked, council: 'editor-refused', principal: editor })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ImportForbiddenError);
      expect((error as Error).message).toMatch(
        /^Only council administrators may import a plan .+: you may import it as a draft or submitted for approval$/,
      );
    }
    const viewer = await committer
      .commit(preview, { ...options, council: 'editor-refused', principal: signedIn('editor-refused', 'viewer') })
      .catch((caught: unknown) => caught);
    expect(viewer).toEqual(new ImportForbiddenError('Only plan editors and council administrators may import a plan'));
    expect(await eventsOf('editor-refused')).toEqual([]);
  });

  it("commits a plan editor's import submitted for approval, with its progress, the strategy left a draft", async () => {
    const { preview, options } = await previewOf(DEMO_DOCUMENTS.charnwood2016);
    const result = await committer.commit(preview, {
      ...options,
      council: 'editor-submits',
      principal: signedIn('editor-submits', 'plan-editor'),
      lifecycle: 'submitted',
    });
    expect(result).toMatchObject({
      strategy: { status: 'draft' },
      plan: { status: 'submitted' },
      actions: 31,
      dueRevisions: 2,
      progressEntries: 31,
    });
    const events = await eventsOf('editor-submits');
    expect(counts(events)).toMatchObject({ DueRevised: 2, ProgressRecorded: 31, ActionPlanSubmitted: 1 });
    const types = events.map((event) => event.type);
    for (const beyond of ['StrategyAdopted', 'StrategyPublished', 'ActionPlanApproved', 'ActionPlanPublished']) {
      expect(types).not.toContain(beyond);
    }
  });

  it('refuses a preview it cannot record in full before appending anything', async () => {
    const { preview, options } = await previewOf(DEMO_DOCUMENTS.charnwood2024);
    const [first, second, ...rest] = preview.actions;
    if (first === undefined || second === undefined) throw new Error('the fixture has actions');
    const twice: PlanPreview = { ...preview, actions: [first, { ...second, ref: first.ref }, ...rest] };

    const error = await committer
      .commit(twice, { ...options, council: 'refused', principal: importPrincipal('refused', 'plan-editor') })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportCommitError);
    expect(error).toMatchObject({ code: 'invalid_import' });
    expect((error as Error).message).toMatch(/two actions are numbered "1\.1".*Nothing was recorded\.$/);
    expect(await eventsOf('refused')).toEqual([]);
  });

  it('commits a 200-action plan, with its objectives, dues and progress, in one append', async () => {
    const { preview, options } = await previewOf(DEMO_DOCUMENTS.charnwood2016);
    const large = largePreview(preview, 200);
    const result = await committer.commit(large, {
      ...options,
      council: 'large',
      principal: signedIn('large', 'council-admin'),
      lifecycle: 'closed',
    });
    const events = await eventsOf('large');
    expect(result).toMatchObject({ actions: 200, plan: { status: 'closed' } });
    expect(counts(events)).toMatchObject({ ActionRegistered: 200, ActionAdded: 200 });
    expect(counts(events)['ProgressRecorded']).toBe(result.progressEntries);
    expect(new Set(events.map((event) => event.globalPosition.commit)).size).toBe(1);
  });

  it('records nothing when a command is refused half-way, and records it all once corrected', async () => {
    const { preview, options } = await previewOf(DEMO_DOCUMENTS.charnwood2024);
    const [first, ...rest] = preview.actions;
    if (first === undefined) throw new Error('the fixture has actions');
    // A due revision without a reason: the plans domain refuses it, after the actions were decided.
    const broken: PlanPreview = {
      ...preview,
      actions: [
        {
          ...first,
          dueRevisions: [{ note: ' ', due: { ...first.due, text: 'May 2026', kind: 'date', dates: ['2026-05-31'] } }],
        },
        ...rest,
      ],
    };

    const error = await committer
      .commit(broken, { ...options, council: 'half-way', principal: importPrincipal('half-way', 'plan-editor') })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportCommitError);
    expect(error).toMatchObject({
      code: 'commit_failed',
      step: 'revising the due of action 1.1',
    });
    expect((error as Error).message).toMatch(
      /^The import stopped at revising the due of action 1\.1: .+ Nothing was recorded\.$/,
    );
    expect(await eventsOf('half-way')).toEqual([]);

    const result = await committer.commit(preview, {
      ...options,
      council: 'half-way',
      principal: importPrincipal('half-way', 'plan-editor'),
    });
    const events = await eventsOf('half-way');
    expect(counts(events)).toMatchObject({
      StrategyDrafted: 1,
      ObjectiveAdded: 4,
      ActionPlanDrafted: 1,
      ActionRegistered: preview.actions.length,
      ActionAdded: preview.actions.length,
    });
    expect(result.actions).toBe(preview.actions.length);
    // One command, one append: every event of the import commits in the same transaction.
    expect(new Set(events.map((event) => event.globalPosition.commit)).size).toBe(1);
  });
});
