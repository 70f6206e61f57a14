import type { ActionEvent, ActionState, ActionStatus } from '../../domain/action.js';
import { longUkDate } from '@due-regard/shared-kernel';
import type { CalendarDate } from '../../domain/calendar-date.js';
import { renderDue, type Due } from '../../domain/due.js';
import { CHARACTERISTIC_LABELS, type CharacteristicConcerned } from '../../domain/equality-reference.js';
import type { Rag } from '../../domain/rag.js';

/** How an objective is named in a summary ("PEO 1 To assess, consult…"); its id when it is not known. */
export type ObjectiveLabel = (objectiveId: string) => string;

/** "1 October 2024". */
export function longDate(date: CalendarDate): string {
  return longUkDate(date) ?? date;
}

/** Quoted, on one line, cut at `max` characters with an ellipsis. */
export function quote(text: string, max = 120): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return `"${line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line}"`;
}

function statusWords(status: ActionStatus): string {
  return status.replace('-', ' ');
}

function listOr(items: readonly string[], none: string): string {
  return items.length === 0 ? none : items.join(', ');
}

function characteristics(keys: readonly CharacteristicConcerned[]): string {
  return listOr(
    keys.map((key) => CHARACTERISTIC_LABELS[key]),
    'none',
  );
}

function dueWords(due: Due): string {
  return quote(due.text ?? renderDue(due), 80);
}

function ragWords(rag: Rag, before: Rag | null): string {
  const now = rag === 'none' ? 'no RAG rating' : `RAG ${rag}`;
  return before === null || before === rag ? now : `${now} (was ${before === 'none' ? 'unrated' : before})`;
}

function withText(summary: string, text: string | null): string {
  return text === null || text.trim() === '' ? summary : `${summary}: ${quote(text)}`;
}

/**
 * What an action's event changed, in words an officer or auditor reads in a history list.
 * `before` is the action as it stood just before the event.
 */
export function summariseActionEvent(event: ActionEvent, before: ActionState, objective: ObjectiveLabel): string {
  const previous = before.status === 'none' ? null : before;
  switch (event.type) {
    case 'ActionAdded': {
      const { data } = event;
      const name = data.ref === null ? quote(data.title, 80) : `${data.ref} ${quote(data.title, 80)}`;
      return `Added ${name} under ${objective(data.objectiveId)}, due ${dueWords(data.due)}, led by ${listOr(data.leads, 'no team yet')}`;
    }
    case 'ActionReworded': {
      const { data } = event;
      const changes: string[] = [];
      if (previous === null || previous.title !== data.title) {
        changes.push(
          previous === null
            ? `title ${quote(data.title, 80)}`
            : `title from ${quote(previous.title, 60)} to ${quote(data.title, 60)}`,
        );
      }
      if (previous === null || previous.description !== data.description) {
        changes.push(data.description === null ? 'description removed' : `description ${quote(data.description, 80)}`);
      }
      if (previous === null || previous.successMeasures.join('\n') !== data.successMeasures.join('\n')) {
        changes.push(
          data.successMeasures.length === 0
            ? 'success measures removed'
            : `success measures ${data.successMeasures.map((measure) => quote(measure, 60)).join('; ')}`,
        );
      }
      return `Reworded: ${changes.length === 0 ? 'no visible change' : changes.join('; ')}`;
    }
    case 'CharacteristicsConcernedChanged':
      return `Characteristics concerned changed from ${characteristics(previous?.protectedCharacteristics ?? [])} to ${characteristics(event.data.protectedCharacteristics)}`;
    case 'ActionMoved':
      return `Moved from ${objective(event.data.fromObjectiveId)} to ${objective(event.data.toObjectiveId)}`;
    case 'LeadsReassigned':
      return `Leads changed from ${listOr(event.data.previousLeads, 'none')} to ${listOr(event.data.leads, 'none')}`;
    case 'DueRevised':
      return `Due revised from ${dueWords(event.data.previousDue)} to ${dueWords(event.data.due)}: ${quote(event.data.reason)}`;
    case 'ProgressRecorded': {
      const { data } = event;
      const status =
        data.previousStatus === data.status
          ? statusWords(data.status)
          : `${statusWords(data.status)} (was ${statusWords(data.previousStatus)})`;
      return `Progress as of ${longDate(data.asOf)}: ${status}, ${ragWords(data.rag, previous?.rag ?? null)}: ${quote(data.narrative)}`;
    }
    case 'ActionCompleted':
      return withText(`Completed on ${longDate(event.data.completedOn)}`, event.data.narrative);
    case 'ActionDeferred':
      return withText(`Deferred on ${longDate(event.data.deferredOn)}`, event.data.reason);
    case 'ActionCancelled':
      return withText(`Cancelled on ${longDate(event.data.cancelledOn)}`, event.data.reason);
  }
}

/** "PEO 1 To assess, consult and evaluate…" from an objective's reference and title. */
export function objectiveName(objective: { readonly ref: string | null; readonly title: string }): string {
  const title = quote(objective.title, 60);
  return objective.ref === null ? `objective ${title}` : `${objective.ref} ${title}`;
}
