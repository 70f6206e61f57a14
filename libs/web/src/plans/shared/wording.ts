import type { EventSource } from '@due-regard/event-store';
import type { ActionPlanStatus, ActionStatus, Rag, StrategyStatus } from '@due-regard/plans';
import { ukDate } from '../../rendering/uk-dates.js';

/** A govukTag's parameters. */
export interface Tag {
  readonly text: string;
  readonly classes: string;
}

const ACTION_STATUS_TAGS: Readonly<Record<ActionStatus, Tag>> = {
  'not-started': { text: 'Not started', classes: 'govuk-tag--grey' },
  'in-progress': { text: 'In progress', classes: 'govuk-tag--blue' },
  completed: { text: 'Completed', classes: 'govuk-tag--green' },
  ongoing: { text: 'Ongoing', classes: 'govuk-tag--turquoise' },
  deferred: { text: 'Deferred', classes: 'govuk-tag--yellow' },
  cancelled: { text: 'Cancelled', classes: 'govuk-tag--purple' },
};

const RAG_TAGS: Readonly<Record<Rag, Tag>> = {
  red: { text: 'Red', classes: 'govuk-tag--red' },
  amber: { text: 'Amber', classes: 'govuk-tag--orange' },
  green: { text: 'Green', classes: 'govuk-tag--green' },
  none: { text: 'Not rated', classes: 'govuk-tag--grey' },
};

const PLAN_STATUS_TAGS: Readonly<Record<ActionPlanStatus, Tag>> = {
  draft: { text: 'Draft', classes: 'govuk-tag--grey' },
  submitted: { text: 'Submitted for approval', classes: 'govuk-tag--blue' },
  approved: { text: 'Approved', classes: 'govuk-tag--turquoise' },
  published: { text: 'Published', classes: 'govuk-tag--green' },
  closed: { text: 'Closed', classes: 'govuk-tag--purple' },
  discarded: { text: 'Discarded', classes: 'govuk-tag--red' },
};

const STRATEGY_STATUS_TAGS: Readonly<Record<StrategyStatus, Tag>> = {
  draft: { text: 'Draft', classes: 'govuk-tag--grey' },
  adopted: { text: 'Adopted', classes: 'govuk-tag--blue' },
  published: { text: 'Published', classes: 'govuk-tag--green' },
  archived: { text: 'Archived', classes: 'govuk-tag--purple' },
};

/**
 * What residents read on the public pages: plain words, no RAG ratings or officers' shorthand.
 */
const PUBLIC_STATUS_WORDS: Readonly<Record<ActionStatus, string>> = {
  'not-started': 'Not started yet',
  'in-progress': 'Under way',
  completed: 'Done',
  ongoing: 'Continuing work',
  deferred: 'Put back to a later date',
  cancelled: 'Stopped',
};

const SOURCES: Readonly<Record<EventSource, string>> = {
  ui: 'Web',
  api: 'API',
  import: 'Import',
  job: 'Scheduled job',
  system: 'System',
};

export const actionStatusTag = (status: ActionStatus): Tag => ACTION_STATUS_TAGS[status];
export const ragTag = (rag: Rag): Tag => RAG_TAGS[rag];
export const planStatusTag = (status: ActionPlanStatus): Tag => PLAN_STATUS_TAGS[status];
export const strategyStatusTag = (status: StrategyStatus): Tag => STRATEGY_STATUS_TAGS[status];
export const publicStatusWords = (status: ActionStatus): string => PUBLIC_STATUS_WORDS[status];

/** Where a change was made, as the history page names it; an unknown source as recorded. */
export function sourceName(source: string): string {
  return (SOURCES as Readonly<Record<string, string>>)[source] ?? source;
}

/** "1 April 2024 to 31 March 2026". */
export function periodWords(period: { readonly from: string; readonly to: string }): string {
  return `${ukDate(period.from)} to ${ukDate(period.to)}`;
}

/** Completed actions as a whole percentage of those not cancelled; 0 when there are none. */
export function percentComplete(byStatus: Readonly<Record<ActionStatus, number>>): number {
  const counted = Object.values(byStatus).reduce((sum, count) => sum + count, 0) - byStatus.cancelled;
  return counted <= 0 ? 0 : Math.round((byStatus.completed / counted) * 100);
}
