import { loadState, streamName } from '@due-regard/event-store';
import { RequestContext } from '@due-regard/identity';
import { CouncilReadModels } from '@due-regard/platform';
import { actionDecider } from '../../domain/action.js';
import { ACTION_SNAPSHOT_EVERY } from '../schema/entities.js';
import { PlansWriter, ReadModelHarness } from '../testing/read-model-harness.js';
import { ActionAsOfReader } from './action-as-of.reader.js';

describe('reading an action as of an instant, from snapshots and the events after them', () => {
  let harness: ReadModelHarness;
  let reader: ActionAsOfReader;
  const instants: Date[] = [];
  const context = new RequestContext();
  const inCharnwood = <T>(work: () => Promise<T>): Promise<T> =>
    context.run({ tenant: { kind: 'council', slug: 'charnwood' }, correlationId: 'test', source: 'api' }, work);

  beforeAll(async () => {
    harness = await ReadModelHarness.start();
    reader = new ActionAsOfReader(new CouncilReadModels(harness.orm), harness.store);
    const charnwood = new PlansWriter(harness.store, 'charnwood');
    await charnwood.draftStrategy('s1', ['o1']);
    await charnwood.draftPlan('p1', 's1');
    instants.push(new Date());
    await new Promise((resolve) => setTimeout(resolve, 3));
    await charnwood.addAction('p1', 'a1', { ref: '1', objectiveId: 'o1', objectiveIds: ['o1'], due: 'June 2025' });
    for (let n = 1; n < 2.5 * ACTION_SNAPSHOT_EVERY; n += 1) {
      const day = new Date(Date.UTC(2024, 0, n)).toISOString().slice(0, 10);
      await charnwood.progress(
        'a1',
        n % 3 ? 'in-progress' : 'ongoing',
        ['red', 'amber', 'green'][n % 3] ?? 'none',
        day,
        `Step ${n}`,
      );
      if (n % 37 === 0) {
        instants.push(new Date());
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
    }
    instants.push(new Date());
    harness.subscribe();
    await harness.projected();
  });

  afterAll(async () => {
    await harness.dispose();
  });

  it('keeps a snapshot every so many versions', async () => {
    const snapshots = await harness.rowsOf('action_snapshots', 'charnwood');
    expect(snapshots.map((row) => row['version']).sort()).toEqual([ACTION_SNAPSHOT_EVERY, 2 * ACTION_SNAPSHOT_EVERY]);
  });

  it('gives what folding the whole stream up to that instant gives, at every instant', async () => {
    const stream = streamName('action', 'charnwood', 'a1');
    for (const asOf of instants) {
      const expected = await loadState(harness.store, stream, actionDecider, asOf);
      const actual = await inCharnwood(() => reader.load('a1', asOf));
      expect({ asOf, ...actual }).toEqual({ asOf, ...expected });
    }
    expect(instants.length).toBeGreaterThan(5);
  });

  it("finds nothing of another council's action", async () => {
    const other = await context.run(
      { tenant: { kind: 'council', slug: 'leicestershire' }, correlationId: 'test', source: 'api' },
      () => reader.load('a1', new Date()),
    );
    expect(other).toEqual({ state: { status: 'none' }, version: 0 });
  });
});
