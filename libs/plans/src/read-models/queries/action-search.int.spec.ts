import { RequestContext } from '@due-regard/identity';
import { CouncilReadModels } from '@due-regard/platform';
import { PlansWriter, ReadModelHarness } from '../testing/read-model-harness.js';
import { PlansReadQueries, type ActionSearch } from './plans-read-queries.js';

describe("finding actions across a council's plans, and discarded drafts", () => {
  let harness: ReadModelHarness;
  let queries: PlansReadQueries;
  const context = new RequestContext();
  const inCharnwood = <T>(work: () => Promise<T>): Promise<T> =>
    context.run({ tenant: { kind: 'council', slug: 'charnwood' }, correlationId: 'test', source: 'api' }, work);
  const found = (search: ActionSearch) =>
    inCharnwood(async () => (await queries.searchActions(search)).map((hit) => `${hit.planId}/${hit.action.ref}`));

  beforeAll(async () => {
    harness = await ReadModelHarness.start();
    queries = new PlansReadQueries(new CouncilReadModels(harness.orm), { now: () => new Date('2025-01-15T12:00:00Z') });
    const charnwood = new PlansWriter(harness.store, 'charnwood');
    await charnwood.draftStrategy('s-1', ['o-1']);
    await charnwood.draftPlan('p-1', 's-1');
    await charnwood.draftPlan('p-2', 's-1');
    await charnwood.draftPlan('p-dup', 's-1');
    const objective = { objectiveId: 'o-1', objectiveIds: ['o-1'] };
    await charnwood.addAction('p-1', 'a-1', { ...objective, ref: '1.1', due: 'June 2024', leads: ['Human Resources'] });
    await charnwood.addAction('p-1', 'a-2', { ...objective, ref: '1.2', due: 'March 2025', leads: ['Policy'] });
    await charnwood.addAction('p-2', 'a-3', { ...objective, ref: '2.1', due: 'Sept 2025', leads: ['Human Resources'] });
    await charnwood.addAction('p-dup', 'a-4', {
      ...objective,
      ref: '1.1',
      due: 'June 2024',
      leads: ['Human Resources'],
    });
    await charnwood.progress('a-2', 'in-progress', 'red', '2025-01-10', 'Gender pay gap report drafted');
    await charnwood.plan('p-dup', { type: 'DiscardActionPlan', planId: 'p-dup', reason: 'Imported twice' });
    const leicestershire = new PlansWriter(harness.store, 'leicestershire');
    await leicestershire.draftStrategy('s-9', ['o-9']);
    await leicestershire.draftPlan('p-9', 's-9');
    await leicestershire.addAction('p-9', 'a-9', {
      objectiveId: 'o-9',
      objectiveIds: ['o-9'],
      ref: '1.1',
      due: 'June 2024',
    });
    harness.subscribe();
    await harness.projected();
  });

  afterAll(async () => {
    await harness.dispose();
  });

  it('finds by words in the title or the latest progress, every word, ignoring case', async () => {
    expect(await found({ words: 'PAY gap' })).toEqual(['p-1/1.2']);
    expect(await found({ words: 'action 2.1' })).toEqual(['p-2/2.1']);
    expect(await found({ words: 'pay nothing' })).toEqual([]);
  });

  it('finds by reference, part of a lead team, status and RAG', async () => {
    expect(await found({ ref: '1.1' })).toEqual(['p-1/1.1']);
    expect(await found({ lead: 'human' })).toEqual(['p-1/1.1', 'p-2/2.1']);
    expect(await found({ status: 'in-progress', rag: 'red' })).toEqual(['p-1/1.2']);
  });

  it('finds by a due window, and by overdue as the dashboard counts it', async () => {
    expect(await found({ dueFrom: '2025-01-01', dueTo: '2025-06-30' })).toEqual(['p-1/1.2']);
    expect(await found({ dueFrom: '2025-04-01' })).toEqual(['p-2/2.1']);
    expect(await found({ overdue: true })).toEqual(['p-1/1.1']);
  });

  it('leaves out a discarded draft and its actions, from the search, the plans and the recent changes', async () => {
    const { plans } = await inCharnwood(() => queries.listPlans());
    expect(plans.map((plan) => plan.id).sort()).toEqual(['p-1', 'p-2']);
    const recent = await inCharnwood(() => queries.recentActionChanges());
    expect(recent.map((change) => change.actionId)).not.toContain('a-4');
    // Its page and history stay, by its id.
    expect((await inCharnwood(() => queries.plan('p-dup')))?.status).toBe('discarded');
  });
});
