import { NotFound } from '@due-regard/shared-kernel';
import { AddActionCommand } from '../add-action/add-action.command.js';
import { AddObjectiveCommand } from '../add-objective/add-objective.command.js';
import { DraftPlanCommand } from '../draft-plan/draft-plan.command.js';
import { DraftStrategyCommand } from '../draft-strategy/draft-strategy.command.js';
import { PlanLifecycleCommand } from '../plan-lifecycle/plan-lifecycle.command.js';
import { RecordProgressCommand } from '../record-progress/record-progress.command.js';
import { planStreams } from '../shared/streams.js';
import { councilUser, WriteSide } from '../testing/write-side.harness.js';
import { GetPlanAsOfQuery } from './get-plan-as-of.query.js';

/** Recorded times are milliseconds: let one pass, so that "as of" an event excludes the next. */
async function nextMillisecond(): Promise<void> {
  const start = Date.now();
  while (Date.now() < start + 2) await new Promise((resolve) => setTimeout(resolve, 1));
}

describe('a plan as it stood at an instant, rebuilt from events', () => {
  let side: WriteSide;
  const editor = councilUser('charnwood', 'plan-editor');
  const admin = councilUser('charnwood', 'council-admin');
  const auditor = councilUser('charnwood', 'auditor');
  let strategyId: string;
  let planId: string;
  let first: string;
  let second: string;
  /** When each step was recorded. */
  const at: Record<'drafted' | 'firstProgressed' | 'approved', Date> = {
    drafted: new Date(0),
    firstProgressed: new Date(0),
    approved: new Date(0),
  };

  async function recordedAt(stream: string): Promise<Date> {
    const last = (await side.store.readStream(stream)).at(-1);
    if (last === undefined) throw new Error(`${stream} is empty`);
    return last.recordedAt;
  }

  beforeAll(async () => {
    side = await WriteSide.start();
    strategyId = (
      await side.command(
        editor,
        new DraftStrategyCommand('Equality Strategy 2024-2028', { from: '2024-04-01', to: '2028-03-31' }),
      )
    ).id;
    const objectiveId = (
      await side.command(
        editor,
        new AddObjectiveCommand(
          strategyId,
          { ref: 'PEO 1', title: 'Fair services', description: null, psedAims: [], eflgModules: [], group: null },
          undefined,
        ),
      )
    ).id;
    planId = (
      await side.command(
        editor,
        new DraftPlanCommand(strategyId, 'Action Plan 2024-2026', { from: '2024-04-01', to: '2026-03-31' }),
      )
    ).id;
    at.drafted = await recordedAt(planStreams.plan('charnwood', planId));
    await nextMillisecond();

    const newAction = (ref: string) => ({
      ref,
      objectiveId,
      title: `Action ${ref}`,
      description: null,
      due: 'June 2025',
      leads: ['Human Resources'],
      successMeasures: [],
      protectedCharacteristics: [],
    });
    first = (await side.command(editor, new AddActionCommand(planId, newAction('1.1'), undefined))).id;
    await side.command(
      editor,
      new RecordProgressCommand(
        planId,
        first,
        { status: 'in-progress', rag: 'amber', narrative: 'Under way', asOf: '2024-06-30' },
        undefined,
      ),
    );
    at.firstProgressed = await recordedAt(planStreams.action('charnwood', first));
    await nextMillisecond();

    second = (await side.command(editor, new AddActionCommand(planId, newAction('1.2'), undefined))).id;
    await side.command(editor, new PlanLifecycleCommand(planId, { kind: 'submit' }, undefined));
    await side.command(admin, new PlanLifecycleCommand(planId, { kind: 'approve', on: '2024-07-01' }, undefined));
    at.approved = await recordedAt(planStreams.plan('charnwood', planId));
  });

  afterAll(async () => {
    await side?.close();
  });

  it('shows the draft with no actions, as it stood when drafted', async () => {
    const then = await side.query(auditor, new GetPlanAsOfQuery(planId, at.drafted));
    expect(then).toMatchObject({
      asOf: at.drafted.toISOString(),
      plan: { planId, strategyId, status: 'draft', version: 1, approvedOn: null },
      strategy: {
        strategyId,
        status: 'draft',
        objectives: [expect.objectContaining({ ref: 'PEO 1', retired: false })],
      },
      actions: [],
      summary: { actions: 0 },
    });
    expect(then.summary.byStatus).toEqual({
      'not-started': 0,
      'in-progress': 0,
      completed: 0,
      ongoing: 0,
      deferred: 0,
      cancelled: 0,
    });
  });

  it('shows the first action with its progress and not the second, between the two', async () => {
    const then = await side.query(auditor, new GetPlanAsOfQuery(planId, at.firstProgressed));
    expect(then.plan).toMatchObject({ status: 'draft', version: 2 });
    expect(then.actions).toHaveLength(1);
    expect(then.actions[0]).toMatchObject({
      actionId: first,
      ref: '1.1',
      status: 'in-progress',
      rag: 'amber',
      latestProgress: { status: 'in-progress', rag: 'amber', narrative: 'Under way', asOf: '2024-06-30' },
      due: { text: 'June 2025', dates: ['2025-06-30'], rendered: 'June 2025' },
      version: 2,
    });
    expect(then.summary).toMatchObject({ actions: 1, byStatus: { 'in-progress': 1 }, byRag: { amber: 1, none: 0 } });
  });

  it('shows the approved plan with both actions at the end, as plain JSON', async () => {
    const then = await side.query(auditor, new GetPlanAsOfQuery(planId, at.approved));
    expect(then.plan).toMatchObject({ status: 'approved', approvedOn: '2024-07-01' });
    expect(then.actions.map((action) => action.actionId)).toEqual([first, second]);
    expect(JSON.parse(JSON.stringify(then))).toEqual(then);
  });

  it('leaves out a reference reserved for an action that was never recorded', async () => {
    const stream = planStreams.plan('charnwood', planId);
    const version = await side.store.streamVersion(stream);
    const orphan = '0190f3c2-7d1e-7abc-8def-0123456789ab';
    const [registered] = await side.store
      .readStream(stream, { toVersion: version })
      .then((events) => events.filter((event) => event.type === 'ActionRegistered'));
    if (registered === undefined) throw new Error('no registration to copy');
    // An add that failed between its two appends: the plan's half, without the action's.
    await side.store.append(
      stream,
      [
        {
          type: 'ActionRegistered',
          data: { ...registered.data, actionId: orphan, ref: '9.9' },
          metadata: registered.metadata,
        },
      ],
      version,
    );
    const now = await side.query(auditor, new GetPlanAsOfQuery(planId, new Date()));
    expect(now.actions.map((action) => action.actionId)).toEqual([first, second]);
    expect(now.plan.version).toBe(version + 1);
  });

  it('answers NotFound before the plan existed', async () => {
    await expect(
      side.query(auditor, new GetPlanAsOfQuery(planId, new Date(at.drafted.getTime() - 1))),
    ).rejects.toBeInstanceOf(NotFound);
  });
});
