import { START } from '@due-regard/event-store';
import { PLANS_READ_MODEL_SUBSCRIPTION, projectBatch } from './plans-projection.js';
import { READ_MODEL_TABLES } from './read-model-rows.js';
import {
  ActionReadModel,
  MeasureReadModel,
  ObjectiveReadModel,
  PlanReadModel,
  StrategyReadModel,
} from '../schema/entities.js';
import { PlansWriter, ReadModelHarness } from '../testing/read-model-harness.js';

describe('the plans projection', () => {
  let harness: ReadModelHarness;
  let charnwood: PlansWriter;

  beforeAll(async () => {
    harness = await ReadModelHarness.start();
    charnwood = new PlansWriter(harness.store, 'charnwood');
  });

  afterAll(async () => {
    await harness.dispose();
  });

  afterEach(async () => {
    await harness.stopSubscriptions();
  });

  it('projects a strategy, its objectives, a plan and its actions, following the deciders', async () => {
    await charnwood.draftStrategy('s1', ['o1', 'o2']);
    await charnwood.strategy('s1', {
      type: 'RewordObjective',
      strategyId: 's1',
      objectiveId: 'o2',
      ref: 'PEO 2',
      title: 'Objective two, reworded',
      description: 'Now described',
    });
    await charnwood.draftPlan('p1', 's1');
    await charnwood.addAction('p1', 'a1', {
      ref: '1.1',
      objectiveId: 'o1',
      objectiveIds: ['o1', 'o2'],
      due: 'June 2025',
    });
    await charnwood.addAction('p1', 'a2', {
      ref: '1.2',
      objectiveId: 'o2',
      objectiveIds: ['o1', 'o2'],
      due: 'Sept 2024 and Sept 2025',
    });
    await charnwood.progress('a1', 'in-progress', 'amber', '2025-01-15');
    harness.subscribe();
    await harness.projected();

    const rows = await harness.allRows('charnwood');
    expect(rows['strategies']).toEqual([
      expect.objectContaining({ strategy_id: 's1', status: 'draft', period_from: '2024-04-01', version: 4 }),
    ]);
    expect(rows['objectives']).toEqual([
      expect.objectContaining({ objective_id: 'o1', position: 0, ref: 'PEO 1', group_kind: 'pillar' }),
      expect.objectContaining({ objective_id: 'o2', position: 1, title: 'Objective two, reworded', retired: false }),
    ]);
    expect(rows['plans']).toEqual([
      expect.objectContaining({
        plan_id: 'p1',
        version: 3,
        registered_actions: [
          { actionId: 'a1', ref: '1.1' },
          { actionId: 'a2', ref: '1.2' },
        ],
      }),
    ]);
    expect(rows['actions']).toEqual([
      expect.objectContaining({
        action_id: 'a1',
        status: 'in-progress',
        rag: 'amber',
        due_kind: 'date',
        due_text: 'June 2025',
        due_dates: ['2025-06-30'],
        due_final: '2025-06-30',
        latest_update_on: '2025-01-15',
        version: 2,
      }),
      expect.objectContaining({
        action_id: 'a2',
        status: 'not-started',
        due_kind: 'milestones',
        due_dates: ['2024-09-30', '2025-09-30'],
        due_final: '2025-09-30',
        version: 1,
      }),
    ]);
  });

  it('commits rows and checkpoint in one transaction: a handler failing after its writes leaves neither, and the batch is delivered again, once', async () => {
    await charnwood.draftStrategy('s2', ['o3']);
    harness.subscribe();
    await harness.projected();
    await harness.stopSubscriptions();
    const checkpointBefore = await harness.checkpoints.load(PLANS_READ_MODEL_SUBSCRIPTION);
    const rowsBefore = await harness.allRows('charnwood');
    expect(checkpointBefore).not.toEqual(START);

    await charnwood.draftPlan('p2', 's2');
    await charnwood.addAction('p2', 'a3', { ref: '2.1', objectiveId: 'o3', objectiveIds: ['o3'], due: 'Q3 2024' });

    const committedDeliveries = new Map<string, number>();
    let attempts = 0;
    let seenAfterFailure: { rows: unknown; checkpoint: unknown } | null = null;
    let failed!: () => void;
    const failedOnce = new Promise<void>((resolve) => (failed = resolve));
    harness.subscribe(
      async (events, tx) => {
        attempts += 1;
        await projectBatch(events, tx);
        // The rows are written in the transaction at this point...
        const { rows } = await tx.query(`SELECT count(*)::int AS n FROM plans_read.actions WHERE action_id = 'a3'`);
        expect(rows[0]).toEqual({ n: 1 });
        if (attempts === 1) throw new Error('the projector crashed after writing');
        for (const event of events) committedDeliveries.set(event.id, (committedDeliveries.get(event.id) ?? 0) + 1);
      },
      () => {
        if (seenAfterFailure !== null) return;
        // ...and gone once it failed, with the checkpoint where it was.
        void Promise.all([harness.allRows('charnwood'), harness.checkpoints.load(PLANS_READ_MODEL_SUBSCRIPTION)]).then(
          ([rows, checkpoint]) => {
            seenAfterFailure = { rows, checkpoint };
            failed();
          },
        );
      },
    );
    await failedOnce;
    expect(seenAfterFailure).toEqual({ rows: rowsBefore, checkpoint: checkpointBefore });

    await harness.projected();
    expect(attempts).toBeGreaterThanOrEqual(2);
    const newEvents = [
      ...(await harness.store.readStream('plan-charnwood.p2')),
      ...(await harness.store.readStream('action-charnwood.a3')),
    ];
    expect(newEvents.map((event) => committedDeliveries.get(event.id))).toEqual(newEvents.map(() => 1));
    expect(await harness.rowsOf('actions', 'charnwood')).toContainEqual(
      expect.objectContaining({ action_id: 'a3', version: 1, due_kind: 'date', due_final: '2024-09-30' }),
    );
  });

  it('skips events its rows include already, so a batch applied twice changes nothing', async () => {
    await charnwood.progress('a3', 'completed', 'green', '2024-09-01');
    harness.subscribe();
    await harness.projected();
    await harness.stopSubscriptions();
    const before = await harness.allRows('charnwood');
    const events = await harness.store.readStream('action-charnwood.a3');

    const client = await harness.pool.connect();
    try {
      await client.query('BEGIN');
      expect(await projectBatch(events, client)).toBe(0);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect(await harness.allRows('charnwood')).toEqual(before);
  });

  it('writes the columns the MikroORM entities map', () => {
    const metadata = harness.orm.getMetadata();
    const mapped = (meta: { collection: string; properties: object }) => ({
      table: meta.collection,
      columns: Object.values(meta.properties as Record<string, { fieldNames: string[] }>)
        .flatMap((property) => property.fieldNames)
        .sort(),
    });
    const written = (table: keyof typeof READ_MODEL_TABLES) => ({
      table,
      columns: [...READ_MODEL_TABLES[table].columns].sort(),
    });
    expect(mapped(metadata.get(StrategyReadModel))).toEqual(written('strategies'));
    expect(mapped(metadata.get(ObjectiveReadModel))).toEqual(written('objectives'));
    expect(mapped(metadata.get(PlanReadModel))).toEqual(written('plans'));
    expect(mapped(metadata.get(ActionReadModel))).toEqual(written('actions'));
    expect(mapped(metadata.get(MeasureReadModel))).toEqual(written('measures'));
  });
});
