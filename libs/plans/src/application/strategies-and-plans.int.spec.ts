import { ConcurrencyError } from '@due-regard/event-store';
import { DomainRuleViolation, NotFound } from '@due-regard/shared-kernel';
import { AddActionCommand } from './add-action/add-action.command.js';
import { AddObjectiveCommand } from './add-objective/add-objective.command.js';
import { DraftPlanCommand } from './draft-plan/draft-plan.command.js';
import { DraftStrategyCommand } from './draft-strategy/draft-strategy.command.js';
import { GetPlanReturnQuery } from './get-plan-return/get-plan-return.query.js';
import { GetPlanHistoryQuery } from './plan-history/plan-history.query.js';
import { PlanLifecycleCommand } from './plan-lifecycle/plan-lifecycle.command.js';
import { ReviseObjectiveCommand } from './revise-objective/revise-objective.command.js';
import { RetireObjectiveCommand } from './retire-objective/retire-objective.command.js';
import { GetStrategyHistoryQuery } from './strategy-history/strategy-history.query.js';
import { StrategyLifecycleCommand } from './strategy-lifecycle/strategy-lifecycle.command.js';
import { planStreams } from './shared/streams.js';
import { councilUser, WriteSide } from './testing/write-side.harness.js';

async function refusal(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('The command was accepted, but a refusal was expected');
}

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('strategy and plan commands against a real event store', () => {
  let side: WriteSide;
  const editor = councilUser('charnwood', 'plan-editor');
  const admin = councilUser('charnwood', 'council-admin');
  const strategyPeriod = { from: '2024-04-01', to: '2028-03-31' };

  beforeAll(async () => {
    side = await WriteSide.start();
  });

  afterAll(async () => {
    await side?.close();
  });

  async function strategyWithObjective(): Promise<{ strategyId: string; objectiveId: string }> {
    const strategy = await side.command(
      editor,
      new DraftStrategyCommand('Equality Strategy 2024-2028', strategyPeriod),
    );
    const objective = await side.command(
      editor,
      new AddObjectiveCommand(
        strategy.id,
        {
          ref: 'PEO 1',
          title: 'To assess, consult and evaluate the impact of our services',
          description: null,
          psedAims: ['eliminate-discrimination'],
          eflgModules: [],
          group: null,
        },
        undefined,
      ),
    );
    return { strategyId: strategy.id, objectiveId: objective.id };
  }

  it("drafts a strategy under a new UUIDv7 id, in the request's council, with metadata from the request context", async () => {
    const result = await side.command(
      editor,
      new DraftStrategyCommand('  Equality Strategy 2024-2028 ', strategyPeriod),
    );
    expect(result.id).toMatch(UUID_V7);
    expect(result.version).toBe(1);
    expect(result.position).toMatch(/^\d+\/\d+$/);
    const [event] = await side.store.readStream(planStreams.strategy('charnwood', result.id));
    expect(event).toMatchObject({
      type: 'StrategyDrafted',
      schemaVersion: 1,
      data: { strategyId: result.id, title: 'Equality Strategy 2024-2028', period: strategyPeriod },
      metadata: { tenantId: 'charnwood', actorId: editor.subject, source: 'api', causationId: null },
    });
    expect(`${event?.globalPosition.commit}/${event?.globalPosition.prepare}`).toBe(result.position);
  });

  it('adds, rewords and reclassifies objectives in the strategy stream, and adopts and publishes it', async () => {
    const { strategyId, objectiveId } = await strategyWithObjective();
    const revised = await side.command(
      editor,
      new ReviseObjectiveCommand(strategyId, objectiveId, { ref: 'PEO 2', psedAims: ['foster-good-relations'] }, 2),
    );
    expect(revised.version).toBe(4);
    const adopted = await side.command(
      admin,
      new StrategyLifecycleCommand(strategyId, { kind: 'adopt', on: '2024-03-20' }, undefined),
    );
    const published = await side.command(
      admin,
      new StrategyLifecycleCommand(strategyId, { kind: 'publish', on: undefined }, 5),
    );
    expect([adopted.version, published.version]).toEqual([5, 6]);
    const events = await side.store.readStream(planStreams.strategy('charnwood', strategyId));
    expect(events.map((event) => event.type)).toEqual([
      'StrategyDrafted',
      'ObjectiveAdded',
      'ObjectiveReworded',
      'ObjectiveReclassified',
      'StrategyAdopted',
      'StrategyPublished',
    ]);
    expect(events[2]?.data).toMatchObject({
      ref: 'PEO 2',
      title: 'To assess, consult and evaluate the impact of our services',
    });
    expect(events[4]?.data).toMatchObject({ adoptedOn: '2024-03-20' });
    expect(events[5]?.data['publishedOn']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('records nothing for a revision that changes nothing, and answers the current version', async () => {
    const { strategyId, objectiveId } = await strategyWithObjective();
    const unchanged = await side.command(
      editor,
      new ReviseObjectiveCommand(strategyId, objectiveId, { ref: 'PEO 1' }, undefined),
    );
    expect(unchanged).toEqual({ id: strategyId, version: 2, position: null });
    expect(await side.store.streamVersion(planStreams.strategy('charnwood', strategyId))).toBe(2);
  });

  it('refuses a stale If-Match before deciding, and appends nothing', async () => {
    const { strategyId } = await strategyWithObjective();
    const error = await refusal(
      side.command(
        editor,
        new AddObjectiveCommand(
          strategyId,
          { ref: 'PEO 2', title: 'Workforce', description: null, psedAims: [], eflgModules: [], group: null },
          1,
        ),
      ),
    );
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ expected: 1, actual: 2 });
    expect(await side.store.streamVersion(planStreams.strategy('charnwood', strategyId))).toBe(2);
  });

  it('drafts a plan under a strategy read from its stream, and walks it to publication and closure', async () => {
    const { strategyId } = await strategyWithObjective();
    const plan = await side.command(
      editor,
      new DraftPlanCommand(strategyId, 'Equality Strategy Action Plan 2024-2026', {
        from: '2024-04-01',
        to: '2026-03-31',
      }),
    );
    expect(plan).toMatchObject({ strategyId, version: 1 });
    const submitEmpty = await refusal(
      side.command(editor, new PlanLifecycleCommand(plan.id, { kind: 'submit' }, undefined)),
    );
    expect(submitEmpty).toBeInstanceOf(DomainRuleViolation);
    expect(submitEmpty).toMatchObject({ code: 'plan_has_no_actions' });
    const closed = await side.command(
      admin,
      new PlanLifecycleCommand(plan.id, { kind: 'close', on: '2026-03-31', reason: 'Superseded' }, 1),
    );
    expect(closed.version).toBe(2);
    const [, closing] = await side.store.readStream(planStreams.plan('charnwood', plan.id));
    expect(closing).toMatchObject({ type: 'ActionPlanClosed', data: { closedOn: '2026-03-31', reason: 'Superseded' } });
  });

  it('refuses a plan under a strategy this council does not have, naming strategyId, and records nothing', async () => {
    const { strategyId } = await strategyWithObjective();
    const before = (await side.eventsOf('leicestershire')).length;
    const leicestershireEditor = councilUser('leicestershire', 'plan-editor');
    const error = await refusal(
      side.command(
        leicestershireEditor,
        new DraftPlanCommand(strategyId, "A plan under another council's strategy", {
          from: '2024-04-01',
          to: '2026-03-31',
        }),
        'leicestershire',
      ),
    );
    expect(error).toBeInstanceOf(DomainRuleViolation);
    expect(error).toMatchObject({ code: 'unknown_strategy', field: 'strategyId' });
    expect((await side.eventsOf('leicestershire')).length).toBe(before);
  });

  it("refuses a plan outside its strategy's period, naming the field", async () => {
    const { strategyId } = await strategyWithObjective();
    const error = await refusal(
      side.command(editor, new DraftPlanCommand(strategyId, 'Too long', { from: '2024-04-01', to: '2030-03-31' })),
    );
    expect(error).toMatchObject({ code: 'plan_outside_strategy_period', field: 'period' });
  });

  it('returns a submitted plan to draft with a reason, which stands until the plan is submitted again, and keeps it in the plan history', async () => {
    const { strategyId, objectiveId } = await strategyWithObjective();
    const plan = await side.command(
      editor,
      new DraftPlanCommand(strategyId, 'Equality Strategy Action Plan 2024-2026', {
        from: '2024-04-01',
        to: '2026-03-31',
      }),
    );
    await side.command(
      editor,
      new AddActionCommand(
        plan.id,
        {
          ref: '1.1',
          objectiveId,
          title: 'Publish the gender pay gap report',
          description: null,
          due: 'March 2025',
          leads: ['Human Resources'],
          successMeasures: [],
          protectedCharacteristics: ['sex'],
        },
        undefined,
      ),
    );
    const standingReturn = () => side.query(editor, new GetPlanReturnQuery(plan.id));
    const submit = () => side.command(editor, new PlanLifecycleCommand(plan.id, { kind: 'submit' }, undefined));
    const sendBack = (reason: string) =>
      side.command(admin, new PlanLifecycleCommand(plan.id, { kind: 'return', reason }, undefined));

    expect(await standingReturn()).toBeNull();
    await submit();
    expect(await standingReturn()).toBeNull();
    const noReason = await refusal(
      side.command(admin, new PlanLifecycleCommand(plan.id, { kind: 'return', reason: ' ' }, undefined)),
    );
    expect(noReason).toMatchObject({ field: 'reason' });
    await sendBack('Action 1.1 needs a measure');
    const standing = await standingReturn();
    expect(standing).toMatchObject({ reason: 'Action 1.1 needs a measure', actorId: admin.subject });
    expect(new Date(standing?.time ?? '').toISOString()).toBe(standing?.time);
    const draftAgain = await refusal(sendBack('Twice'));
    expect(draftAgain).toMatchObject({ code: 'plan_not_submitted' });

    await submit();
    expect(await standingReturn()).toBeNull();
    await sendBack('The period should start in April 2025');
    expect(await standingReturn()).toMatchObject({ reason: 'The period should start in April 2025' });
    const missing = await refusal(side.query(editor, new GetPlanReturnQuery('0190f3c2-7d1e-7abc-8def-0123456789ab')));
    expect(missing).toBeInstanceOf(NotFound);

    const history = await side.query(editor, new GetPlanHistoryQuery(plan.id));
    expect(history.version).toBe(history.events.length);
    expect(history.events.map((entry) => [entry.version, entry.actorId, entry.summary])).toEqual([
      [1, editor.subject, 'Drafted "Equality Strategy Action Plan 2024-2026" for 1 April 2024 to 31 March 2026'],
      [2, editor.subject, 'Added action 1.1'],
      [3, editor.subject, 'Submitted for approval'],
      [4, admin.subject, 'Returned to draft: "Action 1.1 needs a measure"'],
      [5, editor.subject, 'Submitted for approval'],
      [6, admin.subject, 'Returned to draft: "The period should start in April 2025"'],
    ]);
    expect(history.events[3]).toMatchObject({ type: 'ActionPlanReturned', source: 'api', schemaVersion: 1 });
    const noHistory = await refusal(
      side.query(editor, new GetPlanHistoryQuery('0190f3c2-7d1e-7abc-8def-0123456789ab')),
    );
    expect(noHistory).toBeInstanceOf(NotFound);
  });

  it('answers NotFound for a lifecycle change on a plan that does not exist', async () => {
    const error = await refusal(
      side.command(
        admin,
        new PlanLifecycleCommand('0190f3c2-7d1e-7abc-8def-0123456789ab', { kind: 'approve', on: undefined }, undefined),
      ),
    );
    expect(error).toBeInstanceOf(NotFound);
  });

  it('discards a draft plan through the one write path: it takes no more steps, and its history says so', async () => {
    const { strategyId } = await strategyWithObjective();
    const plan = await side.command(
      editor,
      new DraftPlanCommand(strategyId, 'Equality Action Plan 2024-2026', { from: '2024-04-01', to: '2026-03-31' }),
    );
    await side.command(editor, new PlanLifecycleCommand(plan.id, { kind: 'discard', reason: 'Imported twice' }, 1));
    const again = await refusal(
      side.command(editor, new PlanLifecycleCommand(plan.id, { kind: 'discard', reason: null }, undefined)),
    );
    expect(again).toBeInstanceOf(DomainRuleViolation);
    expect(again).toMatchObject({ code: 'plan_not_draft' });
    const history = await side.query(editor, new GetPlanHistoryQuery(plan.id));
    expect(history.events.map((entry) => entry.summary)).toEqual([
      'Drafted "Equality Action Plan 2024-2026" for 1 April 2024 to 31 March 2026',
      'Discarded the draft: "Imported twice"',
    ]);
  });

  it("tells a strategy's history, each change with the objective it is about", async () => {
    const { strategyId, objectiveId } = await strategyWithObjective();
    await side.command(
      editor,
      new ReviseObjectiveCommand(strategyId, objectiveId, { title: 'To assess the impact of our services' }, 2),
    );
    await side.command(editor, new RetireObjectiveCommand(strategyId, objectiveId, 'Replaced', 3));
    const history = await side.query(editor, new GetStrategyHistoryQuery(strategyId));
    expect(history.version).toBe(4);
    expect(history.events.map((entry) => [entry.type, entry.objectiveId])).toEqual([
      ['StrategyDrafted', null],
      ['ObjectiveAdded', objectiveId],
      ['ObjectiveReworded', objectiveId],
      ['ObjectiveRetired', objectiveId],
    ]);
    expect(history.events[2]?.summary).toBe(
      'Reworded PEO 1 "To assess, consult and evaluate the impact of our services" as PEO 1 "To assess the impact of our services"',
    );
  });
});
