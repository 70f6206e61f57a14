import { ForbiddenException } from '@nestjs/common';
import { ConcurrencyError } from '@due-regard/event-store';
import { DomainRuleViolation, NotFound } from '@due-regard/shared-kernel';
import { GetActionHistoryQuery } from './action-history/action-history.query.js';
import { ActionLifecycleCommand } from './action-lifecycle/action-lifecycle.command.js';
import { AddActionCommand, type NewAction } from './add-action/add-action.command.js';
import { AddObjectiveCommand } from './add-objective/add-objective.command.js';
import { DraftPlanCommand } from './draft-plan/draft-plan.command.js';
import { DraftStrategyCommand } from './draft-strategy/draft-strategy.command.js';
import { GetActionQuery } from './get-action/get-action.query.js';
import { PlanLifecycleCommand } from './plan-lifecycle/plan-lifecycle.command.js';
import { RecordProgressCommand } from './record-progress/record-progress.command.js';
import { ReviseActionCommand } from './revise-action/revise-action.command.js';
import { ReviseDueCommand } from './revise-due/revise-due.command.js';
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

/** Recorded times are milliseconds: let one pass, so that "as of" an event excludes the next. */
async function nextMillisecond(): Promise<void> {
  const start = Date.now();
  while (Date.now() < start + 2) await new Promise((resolve) => setTimeout(resolve, 1));
}

describe('action commands and event-sourced reads against a real event store', () => {
  let side: WriteSide;
  const editor = councilUser('charnwood', 'plan-editor');
  const admin = councilUser('charnwood', 'council-admin');
  const hrLead = councilUser('charnwood', 'action-lead', ['Human Resources']);
  const planningLead = councilUser('charnwood', 'action-lead', ['Planning']);
  const viewer = councilUser('charnwood', 'viewer', ['Human Resources']);
  let planId: string;
  let peo1: string;
  let peo2: string;

  beforeAll(async () => {
    side = await WriteSide.start();
    const strategy = await side.command(
      editor,
      new DraftStrategyCommand('Equality Strategy 2024-2028', { from: '2024-04-01', to: '2028-03-31' }),
    );
    const objective = (ref: string, title: string) =>
      side.command(
        editor,
        new AddObjectiveCommand(
          strategy.id,
          { ref, title, description: null, psedAims: [], eflgModules: [], group: null },
          undefined,
        ),
      );
    peo1 = (await objective('PEO 1', 'To assess, consult and evaluate')).id;
    peo2 = (await objective('PEO 2', 'Inclusive workforce')).id;
    planId = (
      await side.command(
        editor,
        new DraftPlanCommand(strategy.id, 'Equality Strategy Action Plan 2024-2026', {
          from: '2024-04-01',
          to: '2026-03-31',
        }),
      )
    ).id;
  });

  afterAll(async () => {
    await side?.close();
  });

  const action = (ref: string, overrides: Partial<NewAction> = {}): NewAction => ({
    ref,
    objectiveId: peo1,
    title: 'Raise awareness of the Equality Impact Assessment process and guidance',
    description: null,
    due: 'Sept 2024 and Sept 2025',
    leads: ['Human Resources'],
    successMeasures: ['One article published, per year'],
    protectedCharacteristics: ['disability'],
    ...overrides,
  });

  it("reserves the reference on the plan's stream, then records the action in its own, caused by the reservation", async () => {
    const planVersion = await side.store.streamVersion(planStreams.plan('charnwood', planId));
    const added = await side.command(editor, new AddActionCommand(planId, action('1.1'), planVersion));
    expect(added).toMatchObject({
      planId,
      version: 1,
      planVersion: planVersion + 1,
      due: { text: 'Sept 2024 and Sept 2025', kind: 'milestones', dates: ['2024-09-30', '2025-09-30'] },
    });
    const reservation = (await side.store.readStream(planStreams.plan('charnwood', planId))).at(-1);
    const [recorded] = await side.store.readStream(planStreams.action('charnwood', added.id));
    expect(reservation).toMatchObject({ type: 'ActionRegistered', data: { actionId: added.id, ref: '1.1' } });
    expect(recorded).toMatchObject({
      type: 'ActionAdded',
      data: {
        actionId: added.id,
        planId,
        ref: '1.1',
        leads: ['Human Resources'],
        protectedCharacteristics: ['disability'],
      },
      metadata: { causationId: reservation?.id, actorId: editor.subject, tenantId: 'charnwood' },
    });
  });

  it('refuses a reference the plan has already, and an action the rules refuse reserves nothing', async () => {
    await side.command(editor, new AddActionCommand(planId, action('1.2'), undefined));
    const before = (await side.eventsOf()).length;
    const duplicate = await refusal(side.command(editor, new AddActionCommand(planId, action(' 1.2 '), undefined)));
    expect(duplicate).toBeInstanceOf(DomainRuleViolation);
    expect(duplicate).toMatchObject({ code: 'duplicate_action_ref', field: 'ref' });
    const unknownObjective = await refusal(
      side.command(editor, new AddActionCommand(planId, action('1.9', { objectiveId: planId }), undefined)),
    );
    expect(unknownObjective).toMatchObject({ code: 'unknown_objective', field: 'objectiveId' });
    expect((await side.eventsOf()).length).toBe(before);
    // 1.9 was never reserved: it can be added now.
    await expect(side.command(editor, new AddActionCommand(planId, action('1.9'), undefined))).resolves.toMatchObject({
      version: 1,
    });
  });

  it('refuses a stale If-Match on the plan when adding an action', async () => {
    const error = await refusal(side.command(editor, new AddActionCommand(planId, action('1.3'), 1)));
    expect(error).toBeInstanceOf(ConcurrencyError);
  });

  it('rewords, reassigns and moves an action in one append, and a PATCH that changes nothing appends nothing', async () => {
    const { id } = await side.command(editor, new AddActionCommand(planId, action('1.4'), undefined));
    const revised = await side.command(
      editor,
      new ReviseActionCommand(
        planId,
        id,
        { title: 'Raise awareness of EIAs', leads: ['Communications'], objectiveId: peo2 },
        1,
      ),
    );
    expect(revised).toMatchObject({ id, planId, version: 4 });
    const events = await side.store.readStream(planStreams.action('charnwood', id));
    expect(events.map((event) => event.type)).toEqual([
      'ActionAdded',
      'ActionReworded',
      'ActionMoved',
      'LeadsReassigned',
    ]);
    expect(new Set(events.slice(1).map((event) => event.globalPosition.commit)).size).toBe(1);
    const again = await side.command(
      editor,
      new ReviseActionCommand(planId, id, { leads: ['Communications'] }, undefined),
    );
    expect(again).toEqual({ id, planId, version: 4, position: null });
  });

  it('lets an action lead report on an action their team leads, and refuses another team and readers, appending nothing', async () => {
    const { id } = await side.command(editor, new AddActionCommand(planId, action('2.1'), undefined));
    const progress = {
      status: 'in-progress',
      rag: 'green',
      narrative: 'Article drafted.',
      asOf: '2024-06-01',
    } as const;
    await expect(
      side.command(hrLead, new RecordProgressCommand(planId, id, progress, undefined)),
    ).resolves.toMatchObject({
      version: 2,
    });
    for (const outsider of [planningLead, viewer]) {
      const error = await refusal(side.command(outsider, new RecordProgressCommand(planId, id, progress, undefined)));
      expect(error).toBeInstanceOf(ForbiddenException);
      const dueError = await refusal(
        side.command(outsider, new ReviseDueCommand(planId, id, 'March 2026', 'Later', undefined)),
      );
      expect(dueError).toBeInstanceOf(ForbiddenException);
    }
    await expect(
      side.command(hrLead, new ReviseDueCommand(planId, id, 'March 2026', 'The intranet relaunch moved', undefined)),
    ).resolves.toMatchObject({ version: 3 });
    expect(await side.store.streamVersion(planStreams.action('charnwood', id))).toBe(3);
  });

  it("keeps the action's RAG when progress gives none, and dates progress today when it gives no date", async () => {
    const { id } = await side.command(editor, new AddActionCommand(planId, action('2.2'), undefined));
    await side.command(
      editor,
      new RecordProgressCommand(
        planId,
        id,
        { status: 'in-progress', rag: 'amber', narrative: 'Started.', asOf: '2024-06-01' },
        undefined,
      ),
    );
    await side.command(
      editor,
      new RecordProgressCommand(
        planId,
        id,
        { status: 'in-progress', rag: undefined, narrative: 'Going on.', asOf: undefined },
        undefined,
      ),
    );
    const detail = await side.query(editor, new GetActionQuery(planId, id));
    expect(detail.progress.map((entry) => entry.rag)).toEqual(['amber', 'amber']);
    expect(detail.progress[1]?.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('reads an action as it stood before its progress, and its history with who did what', async () => {
    const { id } = await side.command(editor, new AddActionCommand(planId, action('3.1'), undefined));
    await nextMillisecond();
    await side.command(
      hrLead,
      new RecordProgressCommand(
        planId,
        id,
        {
          status: 'in-progress',
          rag: 'green',
          narrative: 'First article published in One Charnwood.',
          asOf: '2024-10-01',
        },
        1,
      ),
    );

    const now = await side.query(viewer, new GetActionQuery(planId, id));
    expect(now).toMatchObject({ status: 'in-progress', rag: 'green', version: 2, asOf: null });
    expect(now.progress).toEqual([
      expect.objectContaining({ actorId: hrLead.subject, narrative: 'First article published in One Charnwood.' }),
    ]);

    const history = await side.query(viewer, new GetActionHistoryQuery(planId, id));
    expect(history.version).toBe(2);
    expect(history.events.map(({ type, actorId, version }) => ({ type, actorId, version }))).toEqual([
      { type: 'ActionAdded', actorId: editor.subject, version: 1 },
      { type: 'ProgressRecorded', actorId: hrLead.subject, version: 2 },
    ]);
    expect(history.events[0]?.summary).toMatch(
      /^Added 3\.1 ".*" under PEO 1 "To assess, consult and evaluate", due "Sept 2024 and Sept 2025", led by Human Resources$/,
    );
    expect(history.events[1]?.summary).toBe(
      'Progress as of 1 October 2024: in progress (was not started), RAG green (was unrated): "First article published in One Charnwood."',
    );

    const addedAt = new Date(history.events[0]?.time ?? '');
    const before = await side.query(viewer, new GetActionQuery(planId, id, addedAt));
    expect(before).toMatchObject({
      status: 'not-started',
      rag: 'none',
      progress: [],
      version: 1,
      asOf: addedAt.toISOString(),
    });
    const beforeItExisted = await refusal(
      side.query(viewer, new GetActionQuery(planId, id, new Date(addedAt.getTime() - 1))),
    );
    expect(beforeItExisted).toBeInstanceOf(NotFound);
  });

  it("answers NotFound for an action read under another plan's id, and in another council", async () => {
    const { id } = await side.command(editor, new AddActionCommand(planId, action('3.2'), undefined));
    await expect(side.query(viewer, new GetActionQuery(peo1, id))).rejects.toBeInstanceOf(NotFound);
    await expect(side.query(viewer, new GetActionHistoryQuery(peo1, id))).rejects.toBeInstanceOf(NotFound);
    const outsider = councilUser('leicestershire', 'council-admin');
    await expect(side.query(outsider, new GetActionQuery(planId, id), 'leicestershire')).rejects.toBeInstanceOf(
      NotFound,
    );
  });

  it('refuses changes while the plan is with its approver, and after it is closed', async () => {
    const strategy = await side.command(
      editor,
      new DraftStrategyCommand('Strategy', { from: '2024-04-01', to: '2028-03-31' }),
    );
    const objective = await side.command(
      editor,
      new AddObjectiveCommand(
        strategy.id,
        { ref: null, title: 'Fairness', description: null, psedAims: [], eflgModules: [], group: null },
        undefined,
      ),
    );
    const plan = await side.command(
      editor,
      new DraftPlanCommand(strategy.id, 'Plan', { from: '2024-04-01', to: '2026-03-31' }),
    );
    const { id } = await side.command(
      editor,
      new AddActionCommand(plan.id, action('1', { objectiveId: objective.id }), undefined),
    );
    await side.command(editor, new PlanLifecycleCommand(plan.id, { kind: 'submit' }, undefined));
    const locked = await refusal(
      side.command(editor, new ReviseActionCommand(plan.id, id, { title: 'Changed' }, undefined)),
    );
    expect(locked).toMatchObject({ code: 'plan_under_approval' });
    await side.command(
      admin,
      new PlanLifecycleCommand(plan.id, { kind: 'close', on: undefined, reason: null }, undefined),
    );
    const closed = await refusal(
      side.command(
        admin,
        new RecordProgressCommand(
          plan.id,
          id,
          { status: 'completed', rag: 'green', narrative: 'Done', asOf: undefined },
          undefined,
        ),
      ),
    );
    expect(closed).toMatchObject({ code: 'plan_closed' });
    const cancelled = await refusal(
      side.command(
        admin,
        new ActionLifecycleCommand(
          plan.id,
          id,
          { kind: 'cancel', on: undefined, reason: 'No longer needed' },
          undefined,
        ),
      ),
    );
    expect(cancelled).toBeInstanceOf(DomainRuleViolation);
    expect(await side.store.streamVersion(planStreams.action('charnwood', id))).toBe(1);
  });

  it('completes and defers actions for their leads; a repeated completion is refused', async () => {
    const { id } = await side.command(editor, new AddActionCommand(planId, action('4.1'), undefined));
    await side.command(
      hrLead,
      new ActionLifecycleCommand(
        planId,
        id,
        { kind: 'defer', on: '2024-11-01', reason: 'Waiting for the intranet' },
        undefined,
      ),
    );
    await side.command(
      hrLead,
      new ActionLifecycleCommand(planId, id, { kind: 'complete', on: '2025-09-30', narrative: 'Published' }, 2),
    );
    const again = await refusal(
      side.command(
        hrLead,
        new ActionLifecycleCommand(planId, id, { kind: 'complete', on: undefined, narrative: null }, undefined),
      ),
    );
    expect(again).toMatchObject({ code: 'already_completed' });
    const detail = await side.query(viewer, new GetActionQuery(planId, id));
    expect(detail.progress.map((entry) => entry.kind)).toEqual(['deferred', 'completed']);
    expect(detail.status).toBe('completed');
  });

  it('lets only one of two people adding the same reference at once succeed, and records one action', async () => {
    const outcomes = await Promise.allSettled([
      side.command(editor, new AddActionCommand(planId, action('6.1'), undefined)),
      side.command(admin, new AddActionCommand(planId, action('6.1', { title: 'Another action' }), undefined)),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const [refused] = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
    expect(refused instanceof ConcurrencyError || refused instanceof DomainRuleViolation).toBe(true);
    const registrations = (await side.store.readStream(planStreams.plan('charnwood', planId))).filter(
      (event) => event.data['ref'] === '6.1',
    );
    expect(registrations).toHaveLength(1);
    const added = (await side.eventsOf()).filter(
      (event) => event.type === 'ActionAdded' && event.data['ref'] === '6.1',
    );
    expect(added.map((event) => event.data['actionId'])).toEqual([registrations[0]?.data['actionId']]);
  });

  it("reads a bare quarter as the council's setting says, and a convention the command names wins", async () => {
    const dueOf = async (ref: string, due: string, quarterConvention?: 'calendar' | 'financial') =>
      (
        await side.command(
          editor,
          new AddActionCommand(
            planId,
            action(ref, { due, ...(quarterConvention === undefined ? {} : { quarterConvention }) }),
            undefined,
          ),
        )
      ).due;

    expect((await dueOf('7.1', 'Q1 2024')).range).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    side.councilSettings.set('charnwood', 'financial');
    try {
      const financial = await dueOf('7.2', 'Q1 2024');
      expect(financial.range).toEqual({ from: '2024-04-01', to: '2024-06-30' });
      // Q4 of 2024/25.
      expect((await dueOf('7.3', 'Q4 2024')).range).toEqual({ from: '2025-01-01', to: '2025-03-31' });
      // Months named in the text win whatever the setting.
      expect((await dueOf('7.4', 'Q2 July to September 2025')).range).toEqual({ from: '2025-07-01', to: '2025-09-30' });
      // An import passes the convention its preview was read with.
      expect((await dueOf('7.5', 'Q1 2024', 'calendar')).range).toEqual({ from: '2024-01-01', to: '2024-03-31' });

      const added = await side.command(
        editor,
        new AddActionCommand(planId, action('7.6', { due: 'May 2024' }), undefined),
      );
      await side.command(editor, new ReviseDueCommand(planId, added.id, 'Q4 2024', 'Later', undefined));
      await side.command(editor, new ReviseDueCommand(planId, added.id, 'Q4 2024', 'As read', undefined, 'calendar'));
      const revisions = (await side.store.readStream(planStreams.action('charnwood', added.id))).filter(
        (event) => event.type === 'DueRevised',
      );
      expect(revisions.map((event) => (event.data['due'] as { dates: string[] }).dates)).toEqual([
        ['2025-01-01', '2025-03-31'],
        ['2024-10-01', '2024-12-31'],
      ]);
    } finally {
      side.councilSettings.set('charnwood', 'calendar');
    }
  });
});
