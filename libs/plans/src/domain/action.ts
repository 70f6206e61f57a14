import {
  DomainConflict,
  DomainRuleViolation,
  NotFound,
  type Decider,
  type DomainEvent,
} from '@due-regard/shared-kernel';
import { assertPlanOpenForChanges, type ActionPlanStatus } from './action-plan.js';
import type { CalendarDate } from './calendar-date.js';
import type { Due } from './due.js';
import { CHARACTERISTICS_CONCERNED, type CharacteristicConcerned } from './equality-reference.js';
import { isRag, type Rag } from './rag.js';
import {
  optionalRef,
  optionalText,
  referenceKeys,
  requiredDate,
  requiredNarrative,
  requiredText,
  tidyList,
} from './wording.js';

/**
 * One action of an action plan ("1.3 Equality Working Group to act as a critical friend…"), in a
 * stream of its own so that two leads updating two actions never conflict.
 *
 * What the action needs to know of other streams travels in its commands, as the caller read it:
 * the plan's status (a closed plan, or one with its approver, refuses changes) and, where an
 * objective is chosen, the strategy's objectives still in force. The reference's uniqueness is
 * decided by the plan (`RegisterAction` on the plan's stream) before `AddAction` is decided here.
 */
export const ACTION_STATUSES = ['not-started', 'in-progress', 'completed', 'ongoing', 'deferred', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export type ProgressUpdate = {
  readonly status: ActionStatus;
  readonly rag: Rag;
  /** "Progress to date", in the lead's words. */
  readonly narrative: string;
  readonly asOf: CalendarDate;
};

// Commands ------------------------------------------------------------------------------------
// Each carries the plan's status as the caller read it from the plan's stream.

type OnAction = { readonly actionId: string; readonly planStatus: ActionPlanStatus };

export type AddAction = {
  readonly type: 'AddAction';
  readonly planId: string;
  /** "1.3"; null where the council does not number its actions (Leicestershire). */
  readonly ref: string | null;
  readonly objectiveId: string;
  /** The objectives of the plan's strategy that are not retired. */
  readonly activeObjectiveIds: readonly string[];
  readonly title: string;
  readonly description: string | null;
  readonly due: Due;
  readonly successMeasures: readonly string[];
  /** Teams, not people: "Equality Working Group", "Human Resources". */
  readonly leads: readonly string[];
  /** Keys of `CHARACTERISTICS_CONCERNED`. */
  readonly protectedCharacteristics: readonly string[];
} & OnAction;

export type RewordAction = {
  readonly type: 'RewordAction';
  readonly title: string;
  readonly description: string | null;
  readonly successMeasures: readonly string[];
} & OnAction;

export type ChangeCharacteristicsConcerned = {
  readonly type: 'ChangeCharacteristicsConcerned';
  readonly protectedCharacteristics: readonly string[];
} & OnAction;

export type MoveAction = {
  readonly type: 'MoveAction';
  readonly objectiveId: string;
  readonly activeObjectiveIds: readonly string[];
} & OnAction;

export type ReassignLeads = { readonly type: 'ReassignLeads'; readonly leads: readonly string[] } & OnAction;

/** "Date revised to May 2018": the old due is kept in the event beside the new one and the reason. */
export type ReviseDue = { readonly type: 'ReviseDue'; readonly due: Due; readonly reason: string } & OnAction;

export type RecordProgress = {
  readonly type: 'RecordProgress';
  readonly status: string;
  readonly rag: string;
  readonly narrative: string;
  readonly asOf: CalendarDate;
} & OnAction;

export type CompleteAction = {
  readonly type: 'CompleteAction';
  readonly completedOn: CalendarDate;
  readonly narrative: string | null;
} & OnAction;

export type DeferAction = {
  readonly type: 'DeferAction';
  readonly deferredOn: CalendarDate;
  readonly reason: string;
} & OnAction;

export type CancelAction = {
  readonly type: 'CancelAction';
  readonly cancelledOn: CalendarDate;
  readonly reason: string;
} & OnAction;

export type ActionCommand =
  | AddAction
  | RewordAction
  | ChangeCharacteristicsConcerned
  | MoveAction
  | ReassignLeads
  | ReviseDue
  | RecordProgress
  | CompleteAction
  | DeferAction
  | CancelAction;

// Events --------------------------------------------------------------------------------------

type ActionIds = { readonly actionId: string; readonly planId: string };

export type ActionAdded = DomainEvent<
  'ActionAdded',
  ActionIds & {
    readonly ref: string | null;
    readonly objectiveId: string;
    readonly title: string;
    readonly description: string | null;
    readonly due: Due;
    readonly successMeasures: readonly string[];
    readonly leads: readonly string[];
    readonly protectedCharacteristics: readonly CharacteristicConcerned[];
  }
>;
export type ActionReworded = DomainEvent<
  'ActionReworded',
  ActionIds & {
    readonly title: string;
    readonly description: string | null;
    readonly successMeasures: readonly string[];
  }
>;
export type CharacteristicsConcernedChanged = DomainEvent<
  'CharacteristicsConcernedChanged',
  ActionIds & { readonly protectedCharacteristics: readonly CharacteristicConcerned[] }
>;
export type ActionMoved = DomainEvent<
  'ActionMoved',
  ActionIds & { readonly fromObjectiveId: string; readonly toObjectiveId: string }
>;
export type LeadsReassigned = DomainEvent<
  'LeadsReassigned',
  ActionIds & { readonly previousLeads: readonly string[]; readonly leads: readonly string[] }
>;
export type DueRevised = DomainEvent<
  'DueRevised',
  ActionIds & { readonly previousDue: Due; readonly due: Due; readonly reason: string }
>;
export type ProgressRecorded = DomainEvent<
  'ProgressRecorded',
  ActionIds & ProgressUpdate & { readonly previousStatus: ActionStatus }
>;
export type ActionCompleted = DomainEvent<
  'ActionCompleted',
  ActionIds & { readonly completedOn: CalendarDate; readonly narrative: string | null }
>;
export type ActionDeferred = DomainEvent<
  'ActionDeferred',
  ActionIds & { readonly deferredOn: CalendarDate; readonly reason: string }
>;
export type ActionCancelled = DomainEvent<
  'ActionCancelled',
  ActionIds & { readonly cancelledOn: CalendarDate; readonly reason: string }
>;

export type ActionEvent =
  | ActionAdded
  | ActionReworded
  | CharacteristicsConcernedChanged
  | ActionMoved
  | LeadsReassigned
  | DueRevised
  | ProgressRecorded
  | ActionCompleted
  | ActionDeferred
  | ActionCancelled;

// State ---------------------------------------------------------------------------------------

export type Action = {
  readonly status: ActionStatus;
  readonly actionId: string;
  readonly planId: string;
  readonly ref: string | null;
  readonly objectiveId: string;
  readonly title: string;
  readonly description: string | null;
  readonly due: Due;
  readonly successMeasures: readonly string[];
  readonly leads: readonly string[];
  readonly protectedCharacteristics: readonly CharacteristicConcerned[];
  readonly rag: Rag;
  readonly latestProgress: ProgressUpdate | null;
  /** Why the action was deferred or cancelled, while it is. */
  readonly statusReason: string | null;
  /** The date of the latest progress, completion, deferral or cancellation: updates are kept in date order. */
  readonly latestUpdateOn: CalendarDate | null;
};

export type ActionState = { readonly status: 'none' } | Action;

// Rules ---------------------------------------------------------------------------------------

function existing(state: ActionState, actionId: string): Action {
  if (state.status === 'none') throw new NotFound(`There is no action ${actionId}`);
  return state;
}

/** The action as a command may change it: it exists and its plan is open. */
function changeable(state: ActionState, command: OnAction): Action {
  const action = existing(state, command.actionId);
  assertPlanOpenForChanges(command.planStatus);
  return action;
}

function refuseIfCancelled(action: Action): void {
  if (action.status === 'cancelled') {
    throw new DomainRuleViolation('This action was cancelled and can no longer change', 'action_cancelled');
  }
}

/** A completed action's wording, objective, leads and due are the record of what was done. */
function refuseIfFinished(action: Action): void {
  refuseIfCancelled(action);
  if (action.status === 'completed') {
    throw new DomainRuleViolation(
      'This action is completed: record progress to reopen it before changing it',
      'action_completed',
    );
  }
}

function validObjective(objectiveId: string, activeObjectiveIds: readonly string[]): string {
  if (!activeObjectiveIds.includes(objectiveId)) {
    throw new DomainRuleViolation(
      "Choose one of the strategy's objectives that is not retired",
      'unknown_objective',
      'objectiveId',
    );
  }
  return objectiveId;
}

function validCharacteristics(keys: readonly string[]): CharacteristicConcerned[] {
  return referenceKeys(
    keys,
    CHARACTERISTICS_CONCERNED,
    'protectedCharacteristics',
    'unknown_characteristic',
    (key) => `"${key}" is not a protected characteristic, nor one councils treat as if it were`,
  );
}

function validStatus(status: string): ActionStatus {
  const known = ACTION_STATUSES.find((candidate) => candidate === status);
  if (known === undefined) {
    throw new DomainRuleViolation(
      `The status must be one of ${ACTION_STATUSES.join(', ')}`,
      'unknown_status',
      'status',
    );
  }
  return known;
}

function validRag(rag: string): Rag {
  if (!isRag(rag))
    throw new DomainRuleViolation('The RAG rating must be red, amber, green or none', 'unknown_rag', 'rag');
  return rag;
}

/** Progress, completion, deferral and cancellation are kept in date order. */
function datedFromLatest(action: Action, date: string, field: string, what: string): CalendarDate {
  const valid = requiredDate(date, field, what);
  if (action.latestUpdateOn !== null && valid < action.latestUpdateOn) {
    throw new DomainRuleViolation(
      `The latest update of this action is dated ${action.latestUpdateOn}: date this one then or later`,
      'dated_before_latest_update',
      field,
    );
  }
  return valid;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

function sameDue(a: Due, b: Due): boolean {
  return (
    a.text === b.text &&
    a.kind === b.kind &&
    sameList(a.dates, b.dates) &&
    a.range?.from === b.range?.from &&
    a.range?.to === b.range?.to &&
    a.frequency === b.frequency
  );
}

function ids(action: Action): ActionIds {
  return { actionId: action.actionId, planId: action.planId };
}

export const actionDecider: Decider<ActionCommand, ActionEvent, ActionState> = {
  eventTypes: [
    'ActionAdded',
    'ActionReworded',
    'CharacteristicsConcernedChanged',
    'ActionMoved',
    'LeadsReassigned',
    'DueRevised',
    'ProgressRecorded',
    'ActionCompleted',
    'ActionDeferred',
    'ActionCancelled',
  ],
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'AddAction': {
        if (state.status !== 'none')
          throw new DomainConflict(`Action ${command.actionId} exists already`, 'action_exists');
        assertPlanOpenForChanges(command.planStatus);
        return [
          {
            type: 'ActionAdded',
            data: {
              actionId: command.actionId,
              planId: command.planId,
              ref: optionalRef(command.ref),
              objectiveId: validObjective(command.objectiveId, command.activeObjectiveIds),
              title: requiredText(command.title, 'title', 'Enter the action'),
              description: optionalText(command.description),
              due: command.due,
              successMeasures: tidyList(command.successMeasures),
              leads: tidyList(command.leads),
              protectedCharacteristics: validCharacteristics(command.protectedCharacteristics),
            },
          },
        ];
      }

      case 'RewordAction': {
        const action = changeable(state, command);
        refuseIfFinished(action);
        const title = requiredText(command.title, 'title', 'Enter the action');
        const description = optionalText(command.description);
        const successMeasures = tidyList(command.successMeasures);
        if (
          title === action.title &&
          description === action.description &&
          sameList(successMeasures, action.successMeasures)
        ) {
          return [];
        }
        return [{ type: 'ActionReworded', data: { ...ids(action), title, description, successMeasures } }];
      }

      case 'ChangeCharacteristicsConcerned': {
        const action = changeable(state, command);
        refuseIfFinished(action);
        const protectedCharacteristics = validCharacteristics(command.protectedCharacteristics);
        if (sameList(protectedCharacteristics, action.protectedCharacteristics)) return [];
        return [{ type: 'CharacteristicsConcernedChanged', data: { ...ids(action), protectedCharacteristics } }];
      }

      case 'MoveAction': {
        const action = changeable(state, command);
        refuseIfFinished(action);
        const objectiveId = validObjective(command.objectiveId, command.activeObjectiveIds);
        if (objectiveId === action.objectiveId) return [];
        return [
          {
            type: 'ActionMoved',
            data: { ...ids(action), fromObjectiveId: action.objectiveId, toObjectiveId: objectiveId },
          },
        ];
      }

      case 'ReassignLeads': {
        const action = changeable(state, command);
        refuseIfFinished(action);
        const leads = tidyList(command.leads);
        if (sameList(leads, action.leads)) return [];
        return [{ type: 'LeadsReassigned', data: { ...ids(action), previousLeads: action.leads, leads } }];
      }

      case 'ReviseDue': {
        const action = changeable(state, command);
        refuseIfFinished(action);
        const reason = requiredNarrative(command.reason, 'reason', 'Say why the due date is revised');
        if (sameDue(command.due, action.due)) {
          throw new DomainRuleViolation('The revised due is the same as the current one', 'due_unchanged', 'due');
        }
        return [{ type: 'DueRevised', data: { ...ids(action), previousDue: action.due, due: command.due, reason } }];
      }

      case 'RecordProgress': {
        const action = changeable(state, command);
        refuseIfCancelled(action);
        const status = validStatus(command.status);
        const rag = validRag(command.rag);
        const narrative = requiredNarrative(command.narrative, 'narrative', 'Describe the progress made');
        const asOf = datedFromLatest(action, command.asOf, 'asOf', 'the date the progress is reported as of');
        return [
          {
            type: 'ProgressRecorded',
            data: { ...ids(action), status, rag, narrative, asOf, previousStatus: action.status },
          },
        ];
      }

      case 'CompleteAction': {
        const action = changeable(state, command);
        refuseIfCancelled(action);
        if (action.status === 'completed') {
          throw new DomainRuleViolation('This action is completed already', 'already_completed');
        }
        const completedOn = datedFromLatest(
          action,
          command.completedOn,
          'completedOn',
          'the date the action was completed',
        );
        return [
          {
            type: 'ActionCompleted',
            data: { ...ids(action), completedOn, narrative: optionalText(command.narrative) },
          },
        ];
      }

      case 'DeferAction': {
        const action = changeable(state, command);
        refuseIfFinished(action);
        if (action.status === 'deferred')
          throw new DomainRuleViolation('This action is deferred already', 'already_deferred');
        const reason = requiredNarrative(command.reason, 'reason', 'Say why the action is deferred');
        const deferredOn = datedFromLatest(
          action,
          command.deferredOn,
          'deferredOn',
          'the date the action was deferred',
        );
        return [{ type: 'ActionDeferred', data: { ...ids(action), deferredOn, reason } }];
      }

      case 'CancelAction': {
        const action = changeable(state, command);
        if (action.status === 'cancelled') {
          throw new DomainRuleViolation('This action is cancelled already', 'already_cancelled');
        }
        refuseIfFinished(action);
        const reason = requiredNarrative(command.reason, 'reason', 'Say why the action is cancelled');
        const cancelledOn = datedFromLatest(
          action,
          command.cancelledOn,
          'cancelledOn',
          'the date the action was cancelled',
        );
        return [{ type: 'ActionCancelled', data: { ...ids(action), cancelledOn, reason } }];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ActionAdded': {
        const { data } = event;
        return {
          status: 'not-started',
          actionId: data.actionId,
          planId: data.planId,
          ref: data.ref,
          objectiveId: data.objectiveId,
          title: data.title,
          description: data.description,
          due: data.due,
          successMeasures: data.successMeasures,
          leads: data.leads,
          protectedCharacteristics: data.protectedCharacteristics,
          rag: 'none',
          latestProgress: null,
          statusReason: null,
          latestUpdateOn: null,
        };
      }
      case 'ActionReworded': {
        const { title, description, successMeasures } = event.data;
        return { ...existing(state, event.data.actionId), title, description, successMeasures };
      }
      case 'CharacteristicsConcernedChanged':
        return {
          ...existing(state, event.data.actionId),
          protectedCharacteristics: event.data.protectedCharacteristics,
        };
      case 'ActionMoved':
        return { ...existing(state, event.data.actionId), objectiveId: event.data.toObjectiveId };
      case 'LeadsReassigned':
        return { ...existing(state, event.data.actionId), leads: event.data.leads };
      case 'DueRevised':
        return { ...existing(state, event.data.actionId), due: event.data.due };
      case 'ProgressRecorded': {
        const { status, rag, narrative, asOf } = event.data;
        return {
          ...existing(state, event.data.actionId),
          status,
          rag,
          latestProgress: { status, rag, narrative, asOf },
          statusReason: status === 'deferred' || status === 'cancelled' ? narrative : null,
          latestUpdateOn: asOf,
        };
      }
      case 'ActionCompleted':
        return {
          ...existing(state, event.data.actionId),
          status: 'completed',
          statusReason: null,
          latestUpdateOn: event.data.completedOn,
        };
      case 'ActionDeferred':
        return {
          ...existing(state, event.data.actionId),
          status: 'deferred',
          statusReason: event.data.reason,
          latestUpdateOn: event.data.deferredOn,
        };
      case 'ActionCancelled':
        return {
          ...existing(state, event.data.actionId),
          status: 'cancelled',
          statusReason: event.data.reason,
          latestUpdateOn: event.data.cancelledOn,
        };
    }
  },
};
