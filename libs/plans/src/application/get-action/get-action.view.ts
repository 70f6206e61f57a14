import { z } from 'zod';
import { ACTION_STATUSES, type ActionStatus } from '../../domain/action.js';
import type { CalendarDate } from '../../domain/calendar-date.js';
import { CHARACTERISTICS_CONCERNED, type CharacteristicConcerned } from '../../domain/equality-reference.js';
import { RAG_RATINGS, type Rag } from '../../domain/rag.js';
import { dueViewSchema, type DueView } from '../shared/views.js';

// What reading an action answers (`GET /api/v1/plans/{planId}/actions/{actionId}`, and the web's
// action pages): each type with the zod schema of the OpenAPI document, checked against it.

/** One entry in an action's dated record: progress reported, or completion, deferral or cancellation. */
export interface ProgressEntry {
  readonly kind: 'progress' | 'completed' | 'deferred' | 'cancelled';
  readonly status: ActionStatus;
  readonly rag: Rag;
  /** "Progress to date" in the lead's words, or the reason for a deferral or cancellation. */
  readonly narrative: string | null;
  /** The date it reports as of. */
  readonly asOf: CalendarDate;
  /** When it was recorded (ISO instant) and by whom (pseudonymous subject id). */
  readonly recordedAt: string;
  readonly actorId: string;
  /** The action's version this entry made. */
  readonly version: number;
}

/** "Date revised to May 2018": every revision of the due, with the one it replaced and why. */
export interface DueRevision {
  readonly previous: DueView;
  readonly due: DueView;
  readonly reason: string;
  readonly recordedAt: string;
  readonly actorId: string;
  readonly version: number;
}

/** An action as its stream tells it, now or as of an instant. */
export interface ActionDetail {
  readonly id: string;
  readonly planId: string;
  readonly ref: string | null;
  readonly objectiveId: string;
  readonly title: string;
  readonly description: string | null;
  readonly due: DueView;
  readonly dueRevisions: readonly DueRevision[];
  /** How success will be measured, as the plan writes it. */
  readonly successMeasures: readonly string[];
  /** Teams, not people. */
  readonly leads: readonly string[];
  readonly protectedCharacteristics: readonly CharacteristicConcerned[];
  readonly status: ActionStatus;
  /** Why it is deferred or cancelled, while it is. */
  readonly statusReason: string | null;
  readonly rag: Rag;
  /** Oldest first. */
  readonly progress: readonly ProgressEntry[];
  /** The stream version: the ETag. */
  readonly version: number;
  /** When the last change was recorded. */
  readonly updatedAt: string;
  /** The instant asked for with `?asOf=`, or null for the current state. */
  readonly asOf: string | null;
}

const progressEntrySchema: z.ZodType<ProgressEntry> = z.object({
  kind: z.enum(['progress', 'completed', 'deferred', 'cancelled']),
  status: z.enum(ACTION_STATUSES),
  rag: z.enum(RAG_RATINGS),
  narrative: z.string().nullable(),
  asOf: z.iso.date(),
  recordedAt: z.iso.datetime(),
  actorId: z.string().describe('Pseudonymous subject id'),
  version: z.int(),
});

const dueRevisionSchema: z.ZodType<DueRevision> = z.object({
  previous: dueViewSchema,
  due: dueViewSchema,
  reason: z.string(),
  recordedAt: z.iso.datetime(),
  actorId: z.string(),
  version: z.int(),
});

export const actionDetailSchema: z.ZodType<ActionDetail> = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  ref: z.string().nullable(),
  objectiveId: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  due: dueViewSchema,
  dueRevisions: z.array(dueRevisionSchema),
  successMeasures: z.array(z.string()),
  leads: z.array(z.string()),
  protectedCharacteristics: z.array(z.enum(CHARACTERISTICS_CONCERNED)),
  status: z.enum(ACTION_STATUSES),
  statusReason: z.string().nullable(),
  rag: z.enum(RAG_RATINGS),
  progress: z.array(progressEntrySchema).describe('Oldest first'),
  version: z.int().describe('The stream version, also the ETag'),
  updatedAt: z.iso.datetime(),
  asOf: z.iso.datetime().nullable(),
});
