import { z } from 'zod';
import type { CalendarDate } from '../../domain/calendar-date.js';
import { DUE_KINDS, RECURRENCE_FREQUENCIES, type Due } from '../../domain/due.js';

// The read views several use cases share, so kept here rather than beside one of them: a due (in
// an action, in a plan as of an instant, in a new action's answer) and a history's entry (in an
// action's history and a plan's). What one use case alone answers lives beside it, as
// `get-action/get-action.view.ts`. Plain JSON rebuilt from events; each type has a zod schema
// beside it for the OpenAPI document, checked against the type by the compiler.

/** A due as written, the schedule read from it, and that schedule in plain English. */
export type DueView = Due & {
  /** "Quarter July 2024 to September 2024" for "Q3 2024"; the text itself when it could not be read. */
  readonly rendered: string;
  /** The last deadline of one-off work; null for recurring, ongoing and unread dues. */
  readonly finalDate: CalendarDate | null;
};

export const dueSchema = z.object({
  text: z.string().nullable().describe('As written'),
  kind: z.enum(DUE_KINDS),
  dates: z.array(z.iso.date()).describe('Every date the text names, ascending; a month means its last day'),
  range: z.object({ from: z.iso.date(), to: z.iso.date() }).nullable(),
  frequency: z.enum(RECURRENCE_FREQUENCIES).nullable(),
});

export const dueViewSchema: z.ZodType<DueView> = dueSchema.extend({
  rendered: z.string().describe('The schedule in plain English'),
  finalDate: z.iso.date().nullable().describe('The last deadline of one-off work; null otherwise'),
});

/** One event of a stream, for people: what happened, when, by whom. */
export interface HistoryEntry {
  readonly version: number;
  readonly type: string;
  /** When it was recorded (ISO instant): what `?asOf=` compares with. */
  readonly time: string;
  /** When it happened, as the writer said. */
  readonly occurredAt: string;
  /** Pseudonymous subject id; never a name. */
  readonly actorId: string;
  readonly source: string;
  readonly correlationId: string;
  readonly schemaVersion: number;
  readonly summary: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export const historyEntrySchema: z.ZodType<HistoryEntry> = z.object({
  version: z.int(),
  type: z.string().describe('e.g. ProgressRecorded'),
  time: z.iso.datetime().describe('When it was recorded'),
  occurredAt: z.iso.datetime(),
  actorId: z.string().describe('Pseudonymous subject id'),
  source: z.string().describe('ui, api, import, job or system'),
  correlationId: z.string(),
  schemaVersion: z.int(),
  summary: z.string().describe('What changed, in words'),
  data: z.record(z.string(), z.unknown()).describe('The event as recorded (after upcasting)'),
});
