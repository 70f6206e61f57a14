import type { ProgressStatus } from '../preview.js';
import { endsSentence } from './cell-text.js';

const STATUS_WORDS: readonly (readonly [ProgressStatus, RegExp])[] = [
  [
    'cancelled',
    /^(?:cancell?ed|withdrawn|abandoned|no longer (?:required|needed|applicable)|superseded|not (?:being )?pursued)\b/i,
  ],
  ['completed', /^(?:completed?|complete|achieved|done|delivered|finished|closed|implemented)\b/i],
  ['not_started', /^(?:not (?:yet )?started|not begun|yet to start|to start)\b/i],
  ['deferred', /^(?:deferred|postponed|on hold|paused|delayed)\b/i],
  [
    'in_progress',
    /^(?:in[- ]progress|on[- ]track|under ?way|progressing|started|partially (?:complete|completed|met)|behind|at risk|amber|green)\b/i,
  ],
  ['ongoing', /^(?:ongoing|continuing|continuous|business as usual|bau)\b/i],
];
const ANYWHERE: readonly (readonly [ProgressStatus, RegExp])[] = [
  ['in_progress', /\b(?:in progress|on track|under ?way|work (?:is )?continu(?:es|ing) to progress)\b/i],
  ['deferred', /\b(?:deferred|postponed|on hold)\b/i],
  ['cancelled', /\b(?:cancell?ed|withdrawn)\b/i],
];
const REVISION =
  /\b(?:(?:completion |target |due )?dates?|deadline|timescales?|timeline|target)\s+(?:has been |was |is )?(?:revised|changed|moved|extended|amended|put back|pushed back|rescheduled)\s+(?:to|until|till)\s+([^.;]+)/i;

/** The sentences of a narrative, split after ".", "!" or "?" (not after an abbreviation). */
export function sentences(text: string): string[] {
  const result: string[] = [];
  let current = '';
  const pieces = text.split(/(?<=[.!?]['"’”)\]]*)\s+(?=["“‘'(]?[A-Z0-9])/);
  for (const piece of pieces) {
    current = current === '' ? piece : `${current} ${piece}`;
    if (endsSentence(current)) {
      result.push(current.trim());
      current = '';
    }
  }
  if (current.trim() !== '') result.push(current.trim());
  return result;
}

/** What a progress narrative says of the action's status, read from how its sentences begin. */
export function inferStatus(text: string): ProgressStatus | null {
  const all = sentences(text);
  for (const sentence of all) {
    for (const [status, pattern] of STATUS_WORDS) if (pattern.test(sentence)) return status;
  }
  for (const [status, pattern] of ANYWHERE) if (pattern.test(text)) return status;
  return readRevision(text) === null ? null : 'in_progress';
}

/** "Date revised to May 2018. …" → the sentence and the new due as written ("May 2018"). */
export function readRevision(text: string): { note: string; dueText: string } | null {
  for (const sentence of sentences(text)) {
    const match = REVISION.exec(sentence);
    if (match?.[1] !== undefined) return { note: sentence, dueText: match[1].trim() };
  }
  return null;
}
