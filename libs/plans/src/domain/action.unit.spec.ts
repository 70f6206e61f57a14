import type { ActionPlanStatus } from './action-plan.js';
import { actionDecider, type ActionAdded, type ActionCommand, type ActionEvent, type AddAction } from './action.js';
import { parseDue } from './due.js';
import { scenario } from '@due-regard/testing';

const given = scenario(actionDecider);
const actionId = 'action-1-4';
const planId = 'plan-charnwood-2024-2026';
const ids = { actionId, planId };
const activeObjectiveIds = ['peo-1', 'peo-2', 'peo-3', 'peo-4'];
const open = { actionId, planStatus: 'published' } as const;

// Charnwood Equality Strategy Action Plan 2024 – 2026, action 1.4.
const add: AddAction = {
  type: 'AddAction',
  ...open,
  planId,
  ref: '1.4',
  objectiveId: 'peo-1',
  activeObjectiveIds,
  title: ' Raise awareness of the Equality Impact Assessment process and guidance, through internal communications. ',
  description: null,
  due: parseDue('Sept 2024 and Sept 2025'),
  successMeasures: ['One article published, per year, to raise awareness of process.', ' '],
  leads: ['Transformation, Strategy and Performance Team'],
  protectedCharacteristics: [],
};

const added: ActionAdded = {
  type: 'ActionAdded',
  data: {
    ...ids,
    ref: '1.4',
    objectiveId: 'peo-1',
    title: 'Raise awareness of the Equality Impact Assessment process and guidance, through internal communications.',
    description: null,
    due: {
      text: 'Sept 2024 and Sept 2025',
      kind: 'milestones',
      dates: ['2024-09-30', '2025-09-30'],
      range: null,
      frequency: null,
    },
    successMeasures: ['One article published, per year, to raise awareness of process.'],
    leads: ['Transformation, Strategy and Performance Team'],
    protectedCharacteristics: [],
  },
};

const inProgress: ActionEvent = {
  type: 'ProgressRecorded',
  data: {
    ...ids,
    status: 'in-progress',
    rag: 'green',
    narrative: 'First article published in One Charnwood.',
    asOf: '2024-10-01',
    previousStatus: 'not-started',
  },
};
const completed: ActionEvent = {
  type: 'ActionCompleted',
  data: { ...ids, completedOn: '2025-09-30', narrative: null },
};
const deferred: ActionEvent = {
  type: 'ActionDeferred',
  data: { ...ids, deferredOn: '2024-11-01', reason: 'Waiting for the new intranet' },
};
const cancelled: ActionEvent = {
  type: 'ActionCancelled',
  data: { ...ids, cancelledOn: '2024-11-01', reason: 'Replaced by action 1.6' },
};

const reword = {
  type: 'RewordAction',
  ...open,
  title: 'Raise awareness of the EIA process',
  description: 'Through One Charnwood and the intranet',
  successMeasures: ['One article per year'],
} as const;
const changeCharacteristics = {
  type: 'ChangeCharacteristicsConcerned',
  ...open,
  protectedCharacteristics: ['disability', 'care-experienced'],
} as const;
const move = { type: 'MoveAction', ...open, objectiveId: 'peo-3', activeObjectiveIds } as const;
const reassign = { type: 'ReassignLeads', ...open, leads: ['Communications Team', 'Equality Working Group'] } as const;
const revise = {
  type: 'ReviseDue',
  ...open,
  due: parseDue('May 2026'),
  reason: 'Waiting for the new intranet',
} as const;
const progress = {
  type: 'RecordProgress',
  ...open,
  status: 'in-progress',
  rag: 'amber',
  narrative: 'Second article drafted.',
  asOf: '2025-10-01',
} as const;
const complete = {
  type: 'CompleteAction',
  ...open,
  completedOn: '2025-10-02',
  narrative: 'Both articles published.',
} as const;
const defer = {
  type: 'DeferAction',
  ...open,
  deferredOn: '2025-10-02',
  reason: 'Communications team vacancy',
} as const;
const cancel = { type: 'CancelAction', ...open, cancelledOn: '2025-10-02', reason: 'No longer needed' } as const;

describe('adding an action', () => {
  it('records the action with its due as written and as a schedule, tidying its words', () => {
    given().when(add).then(added);
  });

  it('records the characteristics concerned, the local ones included (Charnwood 1.2, care experienced)', () => {
    given()
      .when({ ...add, protectedCharacteristics: ['care-experienced', 'age', 'age'] })
      .then({ type: 'ActionAdded', data: { ...added.data, protectedCharacteristics: ['age', 'care-experienced'] } });
  });

  it('records an action without a reference or leads (Leicestershire: "Interpretation & Translation Services")', () => {
    given()
      .when({ ...add, ref: null, leads: [] })
      .then({ type: 'ActionAdded', data: { ...added.data, ref: null, leads: [] } });
  });

  it('keeps a due it could not read, flagged unknown', () => {
    const due = parseDue('When the new intranet launches');
    given()
      .when({ ...add, due })
      .then({ type: 'ActionAdded', data: { ...added.data, due } });
  });

  it('refuses a characteristic that is not in the reference', () => {
    given()
      .when({ ...add, protectedCharacteristics: ['height'] })
      .thenRefused('unknown_characteristic', 'protectedCharacteristics');
  });

  it("refuses an objective that is not one of the strategy's objectives in force", () => {
    given()
      .when({ ...add, objectiveId: 'peo-9' })
      .thenRefused('unknown_objective', 'objectiveId');
  });

  it('refuses a blank title', () => {
    given()
      .when({ ...add, title: ' ' })
      .thenRefused('title_required', 'title');
  });

  it('adds actions to a draft or published plan', () => {
    given()
      .when({ ...add, planStatus: 'draft' })
      .then(added);
  });

  it('refuses actions while the plan is with its approver, or closed', () => {
    given()
      .when({ ...add, planStatus: 'submitted' })
      .thenRefused('plan_under_approval');
    given()
      .when({ ...add, planStatus: 'approved' })
      .thenRefused('plan_under_approval');
    given()
      .when({ ...add, planStatus: 'closed' })
      .thenRefused('plan_closed');
  });

  it('refuses to add the same action twice', () => {
    given(added).when(add).thenConflicts('action_exists');
  });
});

describe('rewording an action', () => {
  it('records the new words', () => {
    given(added)
      .when(reword)
      .then({
        type: 'ActionReworded',
        data: {
          ...ids,
          title: 'Raise awareness of the EIA process',
          description: 'Through One Charnwood and the intranet',
          successMeasures: ['One article per year'],
        },
      });
  });

  it('records nothing when the words are unchanged', () => {
    given(added)
      .when({ ...reword, title: added.data.title, description: null, successMeasures: added.data.successMeasures })
      .thenNothingHappens();
  });

  it('rewords a deferred action', () => {
    given(added, deferred)
      .when(reword)
      .then({
        type: 'ActionReworded',
        data: { ...ids, title: reword.title, description: reword.description, successMeasures: reword.successMeasures },
      });
  });

  it('refuses a blank title', () => {
    given(added)
      .when({ ...reword, title: '' })
      .thenRefused('title_required', 'title');
  });

  it('refuses an action that was never added', () => {
    given().when(reword).thenNotFound();
  });
});

describe('changing the characteristics an action concerns', () => {
  it('records the new characteristics', () => {
    given(added)
      .when(changeCharacteristics)
      .then({
        type: 'CharacteristicsConcernedChanged',
        data: { ...ids, protectedCharacteristics: ['disability', 'care-experienced'] },
      });
  });

  it('records nothing when they are unchanged', () => {
    given(added)
      .when({ ...changeCharacteristics, protectedCharacteristics: [] })
      .thenNothingHappens();
  });

  it('refuses a characteristic not in the reference', () => {
    given(added)
      .when({ ...changeCharacteristics, protectedCharacteristics: ['left-handed'] })
      .thenRefused('unknown_characteristic', 'protectedCharacteristics');
  });
});

describe('moving an action to another objective', () => {
  it('records where it moved from and to', () => {
    given(added)
      .when(move)
      .then({ type: 'ActionMoved', data: { ...ids, fromObjectiveId: 'peo-1', toObjectiveId: 'peo-3' } });
  });

  it('records nothing when the objective is the same', () => {
    given(added)
      .when({ ...move, objectiveId: 'peo-1' })
      .thenNothingHappens();
  });

  it('refuses an objective that is retired or not in the strategy', () => {
    given(added)
      .when({ ...move, activeObjectiveIds: ['peo-1', 'peo-2'] })
      .thenRefused('unknown_objective', 'objectiveId');
  });
});

describe('reassigning the leads', () => {
  it('records the teams before and after', () => {
    given(added)
      .when(reassign)
      .then({
        type: 'LeadsReassigned',
        data: {
          ...ids,
          previousLeads: ['Transformation, Strategy and Performance Team'],
          leads: ['Communications Team', 'Equality Working Group'],
        },
      });
  });

  it('records nothing when the teams are the same', () => {
    given(added)
      .when({ ...reassign, leads: [' Transformation, Strategy and Performance Team '] })
      .thenNothingHappens();
  });
});

describe('revising the due date', () => {
  // Charnwood 2016-2018, action 3.1: due March 2018, "Date revised to May 2018".
  const action31: ActionAdded = {
    type: 'ActionAdded',
    data: { ...added.data, ref: '3.1', due: parseDue('March 2018') },
  };

  it('keeps the old due beside the new one and the reason ("Date revised to May 2018")', () => {
    given(action31)
      .when({
        ...revise,
        due: parseDue('May 2018'),
        reason: ' Agreed the special edition will coincide with Vive La Difference Day in May 2018. ',
      })
      .then({
        type: 'DueRevised',
        data: {
          ...ids,
          previousDue: parseDue('March 2018'),
          due: parseDue('May 2018'),
          reason: 'Agreed the special edition will coincide with Vive La Difference Day in May 2018.',
        },
      });
  });

  it('revises the due of a deferred action', () => {
    given(added, deferred)
      .when(revise)
      .then({
        type: 'DueRevised',
        data: { ...ids, previousDue: added.data.due, due: parseDue('May 2026'), reason: revise.reason },
      });
  });

  it('refuses a revision without a reason', () => {
    given(added)
      .when({ ...revise, reason: '' })
      .thenRefused('reason_required', 'reason');
  });

  it('refuses a revision that changes nothing', () => {
    given(added)
      .when({ ...revise, due: parseDue('Sept 2024 and Sept 2025') })
      .thenRefused('due_unchanged', 'due');
  });

  it('accepts a revision of the words alone', () => {
    given(added)
      .when({ ...revise, due: parseDue('September 2024 and September 2025') })
      .then({
        type: 'DueRevised',
        data: {
          ...ids,
          previousDue: added.data.due,
          due: parseDue('September 2024 and September 2025'),
          reason: revise.reason,
        },
      });
  });
});

describe('recording progress', () => {
  it('records the status, RAG, narrative and date, and the status it replaces', () => {
    given(added, inProgress)
      .when(progress)
      .then({
        type: 'ProgressRecorded',
        data: {
          ...ids,
          status: 'in-progress',
          rag: 'amber',
          narrative: 'Second article drafted.',
          asOf: '2025-10-01',
          previousStatus: 'in-progress',
        },
      });
  });

  it('records progress in a draft plan (an imported plan carries its progress)', () => {
    given(added)
      .when({ ...progress, planStatus: 'draft', status: 'completed', rag: 'none', narrative: 'Completed.' })
      .then({
        type: 'ProgressRecorded',
        data: {
          ...ids,
          status: 'completed',
          rag: 'none',
          narrative: 'Completed.',
          asOf: '2025-10-01',
          previousStatus: 'not-started',
        },
      });
  });

  it('adds a note to a completed action, or reopens it ("Completed. EIAs continue to be monitored")', () => {
    given(added, completed)
      .when({ ...progress, status: 'completed', rag: 'green', narrative: 'EIAs continue to be monitored.' })
      .then({
        type: 'ProgressRecorded',
        data: {
          ...ids,
          status: 'completed',
          rag: 'green',
          narrative: 'EIAs continue to be monitored.',
          asOf: '2025-10-01',
          previousStatus: 'completed',
        },
      });
    given(added, completed)
      .when(progress)
      .then({
        type: 'ProgressRecorded',
        data: {
          ...ids,
          status: 'in-progress',
          rag: 'amber',
          narrative: progress.narrative,
          asOf: '2025-10-01',
          previousStatus: 'completed',
        },
      });
  });

  it('resumes a deferred action', () => {
    given(added, deferred)
      .when(progress)
      .then({
        type: 'ProgressRecorded',
        data: {
          ...ids,
          status: 'in-progress',
          rag: 'amber',
          narrative: progress.narrative,
          asOf: '2025-10-01',
          previousStatus: 'deferred',
        },
      });
  });

  it('accepts several updates on the same day', () => {
    given(added, inProgress)
      .when({ ...progress, asOf: '2024-10-01' })
      .then({
        type: 'ProgressRecorded',
        data: {
          ...ids,
          status: 'in-progress',
          rag: 'amber',
          narrative: progress.narrative,
          asOf: '2024-10-01',
          previousStatus: 'in-progress',
        },
      });
  });

  it('refuses an update dated before the latest one', () => {
    given(added, inProgress)
      .when({ ...progress, asOf: '2024-09-30' })
      .thenRefused('dated_before_latest_update', 'asOf');
  });

  it('refuses an unknown status or RAG, a blank narrative, a date that is not a date', () => {
    given(added)
      .when({ ...progress, status: 'started' })
      .thenRefused('unknown_status', 'status');
    given(added)
      .when({ ...progress, rag: 'blue' })
      .thenRefused('unknown_rag', 'rag');
    given(added)
      .when({ ...progress, narrative: '\n' })
      .thenRefused('narrative_required', 'narrative');
    given(added)
      .when({ ...progress, asOf: '1 October 2025' })
      .thenRefused('invalid_date', 'asOf');
  });

  it('refuses progress while the plan is with its approver, or closed', () => {
    given(added, inProgress)
      .when({ ...progress, planStatus: 'submitted' })
      .thenRefused('plan_under_approval');
    given(added, inProgress)
      .when({ ...progress, planStatus: 'closed' })
      .thenRefused('plan_closed');
  });
});

describe('completing an action', () => {
  it('records the completion', () => {
    given(added, inProgress)
      .when(complete)
      .then({
        type: 'ActionCompleted',
        data: { ...ids, completedOn: '2025-10-02', narrative: 'Both articles published.' },
      });
  });

  it('completes a deferred action', () => {
    given(added, deferred)
      .when({ ...complete, narrative: ' ' })
      .then({ type: 'ActionCompleted', data: { ...ids, completedOn: '2025-10-02', narrative: null } });
  });

  it('refuses a completion dated before the latest update', () => {
    given(added, inProgress)
      .when({ ...complete, completedOn: '2024-09-01' })
      .thenRefused('dated_before_latest_update', 'completedOn');
  });
});

describe('deferring an action', () => {
  it('records the deferral and why', () => {
    given(added, inProgress)
      .when(defer)
      .then({
        type: 'ActionDeferred',
        data: { ...ids, deferredOn: '2025-10-02', reason: 'Communications team vacancy' },
      });
  });

  it('refuses a deferral without a reason', () => {
    given(added)
      .when({ ...defer, reason: '' })
      .thenRefused('reason_required', 'reason');
  });

  it('refuses to defer a deferred action', () => {
    given(added, deferred).when(defer).thenRefused('already_deferred');
  });
});

describe('cancelling an action', () => {
  it.each<[string, ActionEvent[]]>([
    ['not started', [added]],
    ['in progress', [added, inProgress]],
    ['deferred', [added, deferred]],
  ])('cancels an action %s, recording why', (_name, history) => {
    given(...history)
      .when(cancel)
      .then({ type: 'ActionCancelled', data: { ...ids, cancelledOn: '2025-10-02', reason: 'No longer needed' } });
  });

  it('refuses a cancellation without a reason', () => {
    given(added)
      .when({ ...cancel, reason: ' ' })
      .thenRefused('reason_required', 'reason');
  });
});

describe('what a completed or cancelled action refuses', () => {
  // A completed action is the record of what was done: its words, objective, leads and due stay as
  // they were. It still takes progress (a further note, or reopening it). A cancelled action takes
  // nothing more.
  const commands: Record<string, ActionCommand> = {
    reword,
    changeCharacteristics,
    move,
    reassign,
    revise,
    progress,
    complete,
    defer,
    cancel,
  };

  it.each<[string, string | null]>([
    ['reword', 'action_completed'],
    ['changeCharacteristics', 'action_completed'],
    ['move', 'action_completed'],
    ['reassign', 'action_completed'],
    ['revise', 'action_completed'],
    ['progress', null],
    ['complete', 'already_completed'],
    ['defer', 'action_completed'],
    ['cancel', 'action_completed'],
  ])('completed: %s → %s', (name, refusal) => {
    const command = commands[name];
    if (command === undefined) throw new Error(`No command ${name}`);
    const history = [added, inProgress, completed];
    if (refusal === null) expect(actionDecider.decide(command, given(...history).state)).toHaveLength(1);
    else
      given(...history)
        .when(command)
        .thenRefused(refusal);
  });

  it.each<[string, string]>([
    ['reword', 'action_cancelled'],
    ['changeCharacteristics', 'action_cancelled'],
    ['move', 'action_cancelled'],
    ['reassign', 'action_cancelled'],
    ['revise', 'action_cancelled'],
    ['progress', 'action_cancelled'],
    ['complete', 'action_cancelled'],
    ['defer', 'action_cancelled'],
    ['cancel', 'already_cancelled'],
  ])('cancelled: %s → %s', (name, refusal) => {
    const command = commands[name];
    if (command === undefined) throw new Error(`No command ${name}`);
    given(added, cancelled).when(command).thenRefused(refusal);
  });

  it.each<ActionPlanStatus>(['submitted', 'approved', 'closed'])(
    'every change is refused while the plan is %s',
    (planStatus) => {
      const code = planStatus === 'closed' ? 'plan_closed' : 'plan_under_approval';
      for (const command of Object.values(commands)) {
        given(added, inProgress)
          .when({ ...command, planStatus })
          .thenRefused(code);
      }
    },
  );
});

describe('the action as its events leave it', () => {
  it('knows its status, RAG, latest progress and due', () => {
    const { state } = given(added, inProgress, {
      type: 'DueRevised',
      data: { ...ids, previousDue: added.data.due, due: parseDue('May 2026'), reason: 'Delayed' },
    });
    expect(state).toMatchObject({
      status: 'in-progress',
      rag: 'green',
      latestProgress: {
        status: 'in-progress',
        rag: 'green',
        narrative: 'First article published in One Charnwood.',
        asOf: '2024-10-01',
      },
      due: { text: 'May 2026', kind: 'date', dates: ['2026-05-31'] },
      latestUpdateOn: '2024-10-01',
      statusReason: null,
    });
  });

  it('keeps why it was deferred or cancelled while it is', () => {
    expect(given(added, deferred).state).toMatchObject({
      status: 'deferred',
      statusReason: 'Waiting for the new intranet',
    });
    expect(given(added, cancelled).state).toMatchObject({
      status: 'cancelled',
      statusReason: 'Replaced by action 1.6',
    });
  });
});
