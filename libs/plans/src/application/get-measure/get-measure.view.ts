import { z } from 'zod';
import type { CalendarDate } from '../../domain/calendar-date.js';
import {
  MEASURE_DIRECTIONS,
  MEASURE_UNITS,
  TARGET_COMPARATORS,
  type MeasureBaseline,
  type MeasureDirection,
  type MeasureSubject,
  type MeasureTarget,
  type MeasureUnit,
  type MeasureValue,
} from '../../domain/measure.js';
import { RAG_RATINGS, type Rag } from '../../domain/rag.js';
import { historyEntrySchema, type HistoryEntry } from '../shared/views.js';

/** One reading as recorded: the value on a date, the note, and who recorded it when. */
export interface ReadingView {
  readonly value: MeasureValue;
  readonly on: CalendarDate;
  readonly note: string | null;
  /** Pseudonymous subject id of who recorded it; never a name. */
  readonly recordedBy: string;
  readonly recordedAt: string;
  readonly version: number;
}

export interface MeasureDetail {
  readonly id: string;
  readonly subject: MeasureSubject;
  readonly title: string;
  readonly unit: MeasureUnit;
  readonly direction: MeasureDirection;
  readonly baseline: MeasureBaseline | null;
  readonly target: MeasureTarget | null;
  readonly status: 'active' | 'retired';
  /** By date, oldest first; of two on the same date, the later recorded last. */
  readonly readings: readonly ReadingView[];
  /** Derived from the latest reading against the target; `none` before there is anything to judge. */
  readonly rag: Rag;
  readonly history: readonly HistoryEntry[];
  readonly version: number;
}

const value = z.union([z.number(), z.string()]);

export const measureDetailSchema = z.object({
  id: z.uuid(),
  subject: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('action'), planId: z.string(), actionId: z.string() }),
    z.object({ kind: z.literal('objective'), strategyId: z.string(), objectiveId: z.string() }),
  ]),
  title: z.string(),
  unit: z.enum(MEASURE_UNITS),
  direction: z.enum(MEASURE_DIRECTIONS),
  baseline: z.object({ value, asOf: z.iso.date().nullable() }).nullable(),
  target: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('threshold'), comparator: z.enum(TARGET_COMPARATORS), value: z.number() }),
      z.object({ kind: z.literal('direction') }),
    ])
    .nullable(),
  status: z.enum(['active', 'retired']),
  readings: z.array(
    z.object({
      value,
      on: z.iso.date(),
      note: z.string().nullable(),
      recordedBy: z.string().describe('Pseudonymous subject id'),
      recordedAt: z.iso.datetime(),
      version: z.int(),
    }),
  ),
  rag: z.enum(RAG_RATINGS).describe('From the latest reading against the target'),
  history: z.array(historyEntrySchema),
  version: z.int(),
}) satisfies z.ZodType<MeasureDetail>;
