import { RequestContext } from '@due-regard/identity';
import { CouncilReadModels } from '@due-regard/platform';
import { PlansWriter, ReadModelHarness } from '../testing/read-model-harness.js';
import { PlansReadQueries } from './plans-read-queries.js';

describe('recent changes to actions, for the dashboard', () => {
  let harness: ReadModelHarness;
  let queries: PlansReadQueries;
  const context = new RequestContext();
  const inCouncil = <T>(slug: string, work: () => Promise<T>): Promise<T> =>
    context.run({ tenant: { kind: 'council', slug }, correlationId: 'test', source: 'api' }, work);

  beforeAll(async () => {
    harness = await ReadModelHarness.start();
    queries = new PlansReadQueries(new CouncilReadModels(harness.orm), { now: () => new Date('2025-01-15T12:00:00Z') });
    const charnwood = new PlansWriter(harness.store, 'charnwood');
    await charnwood.draftStrategy('s-1', ['o-1']);
    await charnwood.draftPlan('p-1', 's-1');
    await charnwood.draftPlan('p-2', 's-1');
    await charnwood.addAction('p-1', 'a-1', {
      ref: '1.1',
      objectiveId: 'o-1',
      objectiveIds: ['o-1'],
      due: 'June 2025',
    });
    await charnwood.addAction('p-2', 'a-2', {
      ref: '2.1',
      objectiveId: 'o-1',
      objectiveIds: ['o-1'],
      due: 'June 2025',
    });
    await charnwood.addAction('p-1', 'a-3', {
      ref: '1.2',
      objectiveId: 'o-1',
      objectiveIds: ['o-1'],
      due: 'June 2025',
    });
    // a-1 changes last, though it was added first.
    await charnwood.progress('a-1', 'in-progress', 'amber', '2025-01-10', 'Survey sent to all staff');
    const leicestershire = new PlansWriter(harness.store, 'leicestershire');
    await leicestershire.draftStrategy('s-9', ['o-9']);
    await leicestershire.draftPlan('p-9', 's-9');
    await leicestershire.addAction('p-9', 'a-9', {
      ref: '9',
      objectiveId: 'o-9',
      objectiveIds: ['o-9'],
      due: 'June 2025',
    });
    harness.subscribe();
    await harness.projected();
  });

  afterAll(async () => {
    await harness.dispose();
  });

  it("lists the council's latest changed actions newest first, with their plan, and no other council's", async () => {
    const changes = await inCouncil('charnwood', () => queries.recentActionChanges());
    expect(changes.map((change) => [change.actionId, change.ref, change.planTitle])).toEqual([
      ['a-1', '1.1', 'Action plan p-1'],
      ['a-3', '1.2', 'Action plan p-1'],
      ['a-2', '2.1', 'Action plan p-2'],
    ]);
    expect(changes[0]).toMatchObject({
      planId: 'p-1',
      title: 'Action 1.1',
      status: 'in-progress',
      rag: 'amber',
      latestUpdateOn: '2025-01-10',
      latestNarrative: 'Survey sent to all staff',
    });
    const times = changes.map((change) => change.changedAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('keeps to the limit asked for', async () => {
    const changes = await inCouncil('charnwood', () => queries.recentActionChanges(2));
    expect(changes.map((change) => change.actionId)).toEqual(['a-1', 'a-3']);
    expect((await inCouncil('leicestershire', () => queries.recentActionChanges())).map((c) => c.actionId)).toEqual([
      'a-9',
    ]);
  });
});
