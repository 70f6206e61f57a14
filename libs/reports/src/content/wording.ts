import type { ActionDetail, ActionStatus, DueRevision, PsedAim, Rag } from '@due-regard/plans';
import { PSED_AIM_LABELS } from '@due-regard/plans';
import { longUkDate } from '@due-regard/shared-kernel';

// The words reports use, in every format: statuses, RAG ratings, dates and dues as people read them.

export const STATUS_WORDS: Readonly<Record<ActionStatus, string>> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  completed: 'Completed',
  ongoing: 'Ongoing',
  deferred: 'Deferred',
  cancelled: 'Cancelled',
};

export const RAG_WORDS: Readonly<Record<Rag, string>> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  none: 'Not rated',
};

/** "31 March 2025" for an ISO date; the text itself when it is not one. */
export function day(isoDate: string): string {
  return longUkDate(isoDate) ?? isoDate;
}

/** "Revised from March 2025 to June 2025 on 12 May 2025: the venue was not available". */
export function revisionWords(revision: DueRevision): string {
  const from = revision.previous.text ?? revision.previous.rendered;
  const to = revision.due.text ?? revision.due.rendered;
  return `Revised from ${from} to ${to} on ${day(revision.recordedAt.slice(0, 10))}: ${revision.reason}`;
}

/** The due as written in the plan; "Not given" when it had none. */
export function dueAsWritten(action: Pick<ActionDetail, 'due'>): string {
  return action.due.text ?? 'Not given';
}

/** The due as the plan reads it, then every revision with its reason. */
export function dueAsUnderstood(action: Pick<ActionDetail, 'due' | 'dueRevisions'>): string {
  return [action.due.rendered, ...action.dueRevisions.map(revisionWords)].join('. ');
}

export function psedAimWords(aims: readonly PsedAim[]): string {
  return aims.length === 0 ? 'None named' : aims.map((aim) => PSED_AIM_LABELS[aim]).join('; ');
}

/** "2024 to 2025" for the financial year starting in April 2024. */
export function financialYearWords(year: number): string {
  return `${year} to ${year + 1}`;
}

/** A file name's stem: lower case letters, digits and single hyphens. */
export function fileStemOf(...parts: readonly string[]): string {
  return (
    parts
      .join(' ')
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'report'
  );
}
