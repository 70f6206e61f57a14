import type { RecordedEvent } from '@due-regard/event-store';
import { actionDecider, type Action, type ActionState } from '../../domain/action.js';
import { finalDueDate, renderDue, type Due } from '../../domain/due.js';
import { asDomainEvent } from '../shared/recorded.js';
import type { DueView } from '../shared/views.js';
import type { ActionAsOf } from '../get-plan-as-of/get-plan-as-of.view.js';
import type { ActionDetail, DueRevision, ProgressEntry } from './get-action.view.js';

export function dueView(due: Due): DueView {
  return { ...due, rendered: renderDue(due), finalDate: finalDueDate(due) };
}

/** The action's state and version after the given events; null when they hold no action. */
export interface FoldedAction {
  readonly state: Action;
  readonly version: number;
  readonly progress: readonly ProgressEntry[];
  readonly dueRevisions: readonly DueRevision[];
  readonly updatedAt: string;
}

/**
 * Folds an action's events with its decider, and keeps beside the state what the state does not:
 * the dated record of progress, completion, deferral and cancellation, and every due revision.
 */
export function foldAction(events: readonly RecordedEvent[]): FoldedAction | null {
  let state: ActionState = actionDecider.initialState();
  const progress: ProgressEntry[] = [];
  const dueRevisions: DueRevision[] = [];
  for (const recorded of events) {
    const event = asDomainEvent(actionDecider, recorded);
    state = actionDecider.evolve(state, event);
    const who = {
      recordedAt: recorded.recordedAt.toISOString(),
      actorId: recorded.metadata.actorId,
      version: recorded.streamVersion,
    };
    switch (event.type) {
      case 'ProgressRecorded': {
        const { status, rag, narrative, asOf } = event.data;
        progress.push({ kind: 'progress', status, rag, narrative, asOf, ...who });
        break;
      }
      case 'ActionCompleted':
        progress.push({
          kind: 'completed',
          status: 'completed',
          rag: state.status === 'none' ? 'none' : state.rag,
          narrative: event.data.narrative,
          asOf: event.data.completedOn,
          ...who,
        });
        break;
      case 'ActionDeferred':
        progress.push({
          kind: 'deferred',
          status: 'deferred',
          rag: state.status === 'none' ? 'none' : state.rag,
          narrative: event.data.reason,
          asOf: event.data.deferredOn,
          ...who,
        });
        break;
      case 'ActionCancelled':
        progress.push({
          kind: 'cancelled',
          status: 'cancelled',
          rag: state.status === 'none' ? 'none' : state.rag,
          narrative: event.data.reason,
          asOf: event.data.cancelledOn,
          ...who,
        });
        break;
      case 'DueRevised':
        dueRevisions.push({
          previous: dueView(event.data.previousDue),
          due: dueView(event.data.due),
          reason: event.data.reason,
          ...who,
        });
        break;
      case 'ActionAdded':
      case 'ActionReworded':
      case 'CharacteristicsConcernedChanged':
      case 'ActionMoved':
      case 'LeadsReassigned':
        break;
    }
  }
  const last = events.at(-1);
  if (state.status === 'none' || last === undefined) return null;
  return { state, version: last.streamVersion, progress, dueRevisions, updatedAt: last.recordedAt.toISOString() };
}

export function actionDetail(folded: FoldedAction, asOf: Date | null): ActionDetail {
  const { state } = folded;
  return {
    id: state.actionId,
    planId: state.planId,
    ref: state.ref,
    objectiveId: state.objectiveId,
    title: state.title,
    description: state.description,
    due: dueView(state.due),
    dueRevisions: folded.dueRevisions,
    successMeasures: state.successMeasures,
    leads: state.leads,
    protectedCharacteristics: state.protectedCharacteristics,
    status: state.status,
    statusReason: state.statusReason,
    rag: state.rag,
    progress: folded.progress,
    version: folded.version,
    updatedAt: folded.updatedAt,
    asOf: asOf === null ? null : asOf.toISOString(),
  };
}

export function actionAsOf(state: Action, version: number): ActionAsOf {
  return {
    actionId: state.actionId,
    ref: state.ref,
    objectiveId: state.objectiveId,
    title: state.title,
    description: state.description,
    due: dueView(state.due),
    successMeasures: state.successMeasures,
    leads: state.leads,
    protectedCharacteristics: state.protectedCharacteristics,
    status: state.status,
    statusReason: state.statusReason,
    rag: state.rag,
    latestProgress: state.latestProgress,
    version,
  };
}
