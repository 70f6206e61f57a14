import request, { type Response } from 'supertest';
import { addDays, cyclePeriodHolding, ukDate } from '@due-regard/plans';
import { DEFAULT_UPDATE_CYCLE } from '@due-regard/shared-kernel';
import { startDueRegard, type RunningApp } from './support/running-app.js';

interface DueAction {
  readonly actionId: string;
  readonly ref: string | null;
  readonly nextDue: string | null;
  readonly overdue: boolean;
  readonly updateDue: { readonly status: string; readonly by: string | null };
}
interface DueActions {
  readonly asOf: string;
  readonly actions: readonly DueAction[];
}

const dueActions = (response: Response): DueActions => response.body as DueActions;
const refs = (response: Response): (string | null)[] => dueActions(response).actions.map((action) => action.ref);

/**
 * What is due, over HTTP. Given a published plan whose actions are due on dates around today,
 * quarterly, and ongoing, led by Human Resources or another team: the council's next-due list holds
 * those due within the days asked for (recurring and ongoing work included), the HR lead's own list
 * holds their team's actions in due order, and an update recorded takes an action off "update due".
 */
describe('what is due: next due dates and updates owed', () => {
  let running: RunningApp;
  let editor: string;
  let admin: string;
  let lead: string;
  let planId: string;
  const ids = new Map<string, string>();
  const today = ukDate(new Date());

  function charnwood(method: 'get' | 'post' | 'patch', path: string, token: string) {
    const agent = request(running.platformUrl);
    const url = `/api/v1${path}`;
    const call = method === 'get' ? agent.get(url) : method === 'post' ? agent.post(url) : agent.patch(url);
    return call.set('Host', running.councilHost('charnwood')).auth(token, { type: 'bearer' });
  }

  beforeAll(async () => {
    running = await startDueRegard();
    editor = await running.tokenFor('charnwood.editor');
    admin = await running.tokenFor('charnwood.admin');
    lead = await running.tokenFor('charnwood.lead');
    const strategy = await charnwood('post', '/strategies', editor).send({
      title: 'Equality Strategy 2024-2028',
      period: { from: '2024-04-01', to: '2028-03-31' },
    });
    const strategyId = (strategy.body as { id: string }).id;
    const objective = await charnwood('post', `/strategies/${strategyId}/objectives`, editor).send({
      ref: 'PEO 1',
      title: 'Fair services',
    });
    const plan = await charnwood('post', '/plans', editor).send({
      strategyId,
      title: 'Equality Action Plan',
      period: { from: '2024-04-01', to: '2028-03-31' },
    });
    planId = (plan.body as { id: string }).id;
    const actions: readonly (readonly [string, string, string])[] = [
      ['1.1', addDays(today, 10), 'Human Resources'],
      ['1.2', addDays(today, 200), 'Human Resources'],
      ['1.3', addDays(today, -5), 'Human Resources'],
      ['1.4', 'Quarterly', 'Human Resources'],
      ['1.5', 'Ongoing', 'Customer Services'],
    ];
    for (const [ref, due, team] of actions) {
      const added = await charnwood('post', `/plans/${planId}/actions`, editor).send({
        ref,
        objectiveId: (objective.body as { id: string }).id,
        title: `Action ${ref}`,
        due,
        leads: [team],
      });
      expect(added.status).toBe(201);
      ids.set(ref, (added.body as { id: string }).id);
    }
    await charnwood('post', `/plans/${planId}/submit`, editor).send({});
    await charnwood('post', `/plans/${planId}/approve`, admin).send({});
    expect((await charnwood('post', `/plans/${planId}/publish`, admin).send({})).status).toBe(200);
  });

  afterAll(async () => {
    await running?.close();
  });

  it('lists what is due within the days asked for, overdue work first, with recurring and ongoing work dated', async () => {
    const within = await charnwood('get', '/actions/next-due?within=366', editor);
    expect(within.status).toBe(200);
    expect(dueActions(within).asOf).toBe(today);
    const byRef = new Map(dueActions(within).actions.map((action) => [action.ref, action]));
    expect(refs(within)[0]).toBe('1.3');
    expect(byRef.get('1.3')).toMatchObject({ overdue: true, nextDue: null });
    expect(byRef.get('1.1')).toMatchObject({ overdue: false, nextDue: addDays(today, 10) });
    const quarter = cyclePeriodHolding(today, { cycle: DEFAULT_UPDATE_CYCLE, quarterConvention: 'calendar' });
    expect(byRef.get('1.4')?.nextDue).toBe(quarter.to);
    expect(byRef.get('1.5')?.nextDue).not.toBeNull();
    // Nothing recorded yet: every open action owes its update.
    expect(byRef.get('1.1')?.updateDue.status).toMatch(/^(due|overdue)$/);

    const soon = await charnwood('get', '/actions/next-due?within=30', editor);
    expect(refs(soon)).toContain('1.1');
    expect(dueActions(soon).actions.find((action) => action.ref === '1.2')?.updateDue.status).toMatch(
      /^(due|overdue)$/,
    );
  });

  it("gives a lead their teams' actions in due order, and takes one off 'update due' once progress is recorded", async () => {
    const mine = await charnwood('get', '/me/actions', lead);
    expect(mine.status).toBe(200);
    expect(refs(mine)).toEqual(['1.3', '1.1', '1.4', '1.2'].filter((ref) => refs(mine).includes(ref)));
    expect(refs(mine)).not.toContain('1.5');
    expect(refs(mine)).toHaveLength(4);

    const progress = await charnwood('post', `/plans/${planId}/actions/${ids.get('1.1') ?? ''}/progress`, lead).send({
      status: 'in-progress',
      narrative: 'Sessions booked for every team.',
    });
    expect(progress.status).toBe(200);
    const after = await charnwood('get', '/me/actions', lead);
    expect(dueActions(after).actions.find((action) => action.ref === '1.1')?.updateDue.status).toBe('up-to-date');
  });

  it('refuses a within that is not a number of days', async () => {
    const refused = await charnwood('get', '/actions/next-due?within=soon', editor);
    expect(refused.status).toBe(400);
  });

  it("reads the council's update cycle, which its admin changes", async () => {
    const changed = await charnwood('patch', '/council/settings', admin).send({
      updateCycle: { frequency: 'monthly', dueDay: 10, remindDaysBefore: 3 },
    });
    expect(changed.status).toBe(200);
    const ongoing = dueActions(await charnwood('get', '/actions/next-due?within=366', editor)).actions.find(
      (action) => action.ref === '1.5',
    );
    expect(ongoing?.nextDue?.slice(8)).toBe('10');
    const bad = await charnwood('patch', '/council/settings', admin).send({
      updateCycle: { frequency: 'fortnightly', dueDay: 10, remindDaysBefore: 3 },
    });
    expect(bad.status).toBe(400);
  });
});
