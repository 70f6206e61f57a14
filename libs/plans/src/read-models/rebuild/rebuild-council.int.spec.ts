import { CouncilRebuilder, RebuildAlreadyRunningError, type RebuildProgress } from './rebuild-council.js';
import { PROJECTED_EVENT_TYPES } from '../projection/council-read-model.js';
import { PlansWriter, ReadModelHarness } from '../testing/read-model-harness.js';

describe("rebuilding one council's read models", () => {
  let harness: ReadModelHarness;
  let rebuilder: CouncilRebuilder;
  let charnwood: PlansWriter;
  let leicestershire: PlansWriter;
  const objectives = ['o1', 'o2', 'o3'];

  beforeAll(async () => {
    harness = await ReadModelHarness.start();
    rebuilder = new CouncilRebuilder(harness.store, harness.pool);
    charnwood = new PlansWriter(harness.store, 'charnwood');
    leicestershire = new PlansWriter(harness.store, 'leicestershire');
    for (const writer of [charnwood, leicestershire]) {
      await writer.draftStrategy('s1', objectives);
      await writer.draftPlan('p1', 's1');
      for (let i = 1; i <= 6; i += 1) {
        await writer.addAction('p1', `a${i}`, {
          ref: `1.${i}`,
          objectiveId: objectives[i % 3] ?? 'o1',
          objectiveIds: objectives,
          due:
            ['June 2025', 'Q3 2024', 'Ongoing', 'Annual – April 2025', 'Sept 2024 and Sept 2025', 'Spring 2026'][
              i - 1
            ] ?? '',
        });
        await writer.progress(`a${i}`, 'in-progress', i % 2 ? 'amber' : 'green', `2024-0${i}-01`);
      }
      await writer.strategy('s1', { type: 'RetireObjective', strategyId: 's1', objectiveId: 'o3', reason: 'Merged' });
      await writer.action('a2', {
        type: 'ReviseDue',
        actionId: 'a2',
        planStatus: 'draft',
        due: { text: 'May 2026', kind: 'date', dates: ['2026-05-31'], range: null, frequency: null },
        reason: 'Date revised to May 2026',
      });
    }
  });

  afterAll(async () => {
    await harness.dispose();
  });

  afterEach(async () => {
    await harness.stopSubscriptions();
  });

  it('gives exactly the rows incremental projection gave, event by event', async () => {
    // Batches of three events: the incremental projection loads, folds and writes rows many times over.
    harness.subscribe(undefined, undefined, 3);
    await harness.projected();
    const incremental = await harness.allRows('charnwood');
    expect(incremental['actions']).toHaveLength(6);
    await harness.stopSubscriptions();
    // Damage the council's rows, as a bug might: the rebuild must not start from them.
    await harness.pool.query(
      `UPDATE plans_read.actions SET title = 'damaged', version = 99 WHERE tenant_id = 'charnwood'`,
    );
    await harness.pool.query(`DELETE FROM plans_read.objectives WHERE tenant_id = 'charnwood'`);

    const result = await rebuilder.rebuild('charnwood');

    expect(await harness.allRows('charnwood')).toEqual(incremental);
    expect(result).toMatchObject({ council: 'charnwood', strategies: 1, plans: 1, actions: 6 });
    expect(result.events).toBe(
      await harness.store.countEvents({ tenantId: 'charnwood', eventTypes: PROJECTED_EVENT_TYPES }),
    );
  });

  it("keeps projecting while it runs, leaves other councils' rows alone, and misses nothing appended meanwhile", async () => {
    harness.subscribe();
    await harness.projected();
    const progress: RebuildProgress[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let paused!: () => void;
    const isPaused = new Promise<void>((resolve) => (paused = resolve));

    const rebuilding = rebuilder.rebuild('charnwood', {
      batchSize: 10,
      onProgress: async (step) => {
        progress.push(step);
        if (step.phase === 'reading' && step.eventsRead >= 20 && progress.length < 10) {
          paused();
          await gate;
        }
      },
    });
    await isPaused;

    // Mid-rebuild: both councils keep changing, and the projection keeps up with both.
    await leicestershire.progress('a1', 'completed', 'green', '2024-12-01', 'Done during the rebuild');
    await charnwood.progress('a1', 'completed', 'green', '2024-12-02', 'Also done during the rebuild');
    await harness.projected();
    const leicestershireDuring = await harness.allRows('leicestershire');
    expect(leicestershireDuring['actions']).toContainEqual(
      expect.objectContaining({ action_id: 'a1', status: 'completed', latest_update_on: '2024-12-01' }),
    );

    release();
    await rebuilding;
    await charnwood.progress('a2', 'in-progress', 'red', '2024-12-03');
    await harness.projected();

    expect(await harness.allRows('leicestershire')).toEqual(leicestershireDuring);
    const charnwoodAfter = await harness.allRows('charnwood');
    expect(charnwoodAfter['actions']).toContainEqual(
      expect.objectContaining({ action_id: 'a1', status: 'completed', latest_update_on: '2024-12-02', version: 3 }),
    );
    expect(charnwoodAfter['actions']).toContainEqual(
      expect.objectContaining({ action_id: 'a2', rag: 'red', latest_update_on: '2024-12-03', version: 4 }),
    );
    expect(progress.map((step) => step.phase)).toEqual(expect.arrayContaining(['reading', 'swapping', 'done']));
    expect(progress.at(-1)).toMatchObject({ phase: 'done', percent: 100 });

    // And what the live projection and the rebuild made together is what a rebuild alone makes.
    await harness.stopSubscriptions();
    await rebuilder.rebuild('charnwood');
    expect(await harness.allRows('charnwood')).toEqual(charnwoodAfter);
  });

  it('runs one rebuild of a council at a time', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const isStarted = new Promise<void>((resolve) => (started = resolve));
    const first = rebuilder.rebuild('charnwood', {
      onProgress: async () => {
        started();
        await gate;
      },
    });
    await isStarted;
    await expect(rebuilder.rebuild('charnwood')).rejects.toThrow(RebuildAlreadyRunningError);
    await expect(rebuilder.rebuild('leicestershire')).resolves.toMatchObject({ council: 'leicestershire' });
    release();
    await expect(first).resolves.toMatchObject({ council: 'charnwood' });
  });
});
