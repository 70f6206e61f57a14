import {
  DomainConflict,
  DomainRuleViolation,
  NotFound,
  type Decider,
  type DomainEvent,
} from '@due-regard/shared-kernel';
import type { CalendarDate } from './calendar-date.js';
import type { Rag } from './rag.js';
import { optionalText, requiredDate, requiredNarrative, requiredText } from './wording.js';

/**
 * A measure of success (a KPI) on an action or an objective: "Tenancy satisfaction measures % of
 * tenants who feel CBC treats them fairly", "Minimum of two Equality Impact Assessments… annually",
 * "Reduction in gender pay gap". Readings are recorded over time; the RAG rating is derived from
 * the latest reading against the target (`measureRag`), never typed in.
 */
export const MEASURE_UNITS = ['percent', 'count', 'money', 'text'] as const;
export type MeasureUnit = (typeof MEASURE_UNITS)[number];

export const MEASURE_DIRECTIONS = ['increase', 'decrease', 'reach', 'maintain'] as const;
export type MeasureDirection = (typeof MEASURE_DIRECTIONS)[number];

export const TARGET_COMPARATORS = ['more-than', 'at-least', 'exactly', 'at-most', 'less-than'] as const;
export type TargetComparator = (typeof TARGET_COMPARATORS)[number];

/**
 * - `threshold`: a comparator and a value. "over 90%" is more-than 90, "minimum of 10" is
 *   at-least 10, "Level 3" is exactly 3.
 * - `direction`: better than where it started, the way the measure's direction says: "reduction"
 *   (decrease), "significant % increase" (increase).
 */
export type MeasureTarget =
  | { readonly kind: 'threshold'; readonly comparator: TargetComparator; readonly value: number }
  | { readonly kind: 'direction' };

/** Numbers for percent (0–100 as written: 90 is 90%), count and money (pounds); words for text. */
export type MeasureValue = number | string;

export type MeasureBaseline = { readonly value: MeasureValue; readonly asOf: CalendarDate | null };

export type MeasureReading = {
  readonly value: MeasureValue;
  readonly asOf: CalendarDate;
  readonly note: string | null;
};

export type MeasureSubject =
  | { readonly kind: 'action'; readonly planId: string; readonly actionId: string }
  | { readonly kind: 'objective'; readonly strategyId: string; readonly objectiveId: string };

export type MeasureDefinition = {
  readonly title: string;
  readonly unit: MeasureUnit;
  readonly direction: MeasureDirection;
  readonly baseline: MeasureBaseline | null;
  readonly target: MeasureTarget | null;
};

// Commands ------------------------------------------------------------------------------------
// Units, directions and comparators arrive as plain strings and are checked here.

export type MeasureTargetRequest =
  { readonly kind: 'threshold'; readonly comparator: string; readonly value: number } | { readonly kind: 'direction' };

export type DefineMeasure = {
  readonly type: 'DefineMeasure';
  readonly measureId: string;
  readonly subject: MeasureSubject;
  readonly title: string;
  readonly unit: string;
  readonly direction: string;
  readonly baseline: MeasureBaseline | null;
  readonly target: MeasureTargetRequest | null;
};

export type ReviseMeasureTarget = {
  readonly type: 'ReviseMeasureTarget';
  readonly measureId: string;
  readonly target: MeasureTargetRequest | null;
  readonly reason: string;
};

export type RecordMeasureReading = {
  readonly type: 'RecordMeasureReading';
  readonly measureId: string;
  readonly value: MeasureValue;
  readonly asOf: CalendarDate;
  readonly note: string | null;
};

export type RetireMeasure = {
  readonly type: 'RetireMeasure';
  readonly measureId: string;
  readonly reason: string | null;
};

export type MeasureCommand = DefineMeasure | ReviseMeasureTarget | RecordMeasureReading | RetireMeasure;

// Events --------------------------------------------------------------------------------------

type MeasureIds = { readonly measureId: string; readonly subject: MeasureSubject };

export type MeasureDefined = DomainEvent<'MeasureDefined', MeasureIds & MeasureDefinition>;
export type MeasureTargetRevised = DomainEvent<
  'MeasureTargetRevised',
  MeasureIds & {
    readonly previousTarget: MeasureTarget | null;
    readonly target: MeasureTarget | null;
    readonly reason: string;
  }
>;
export type MeasureReadingRecorded = DomainEvent<'MeasureReadingRecorded', MeasureIds & MeasureReading>;
export type MeasureRetired = DomainEvent<'MeasureRetired', MeasureIds & { readonly reason: string | null }>;

export type MeasureEvent = MeasureDefined | MeasureTargetRevised | MeasureReadingRecorded | MeasureRetired;

// State ---------------------------------------------------------------------------------------

export type Measure = MeasureIds &
  MeasureDefinition & {
    readonly status: 'active' | 'retired';
    /** In the order recorded; `latestReading` picks by date. */
    readonly readings: readonly MeasureReading[];
  };

export type MeasureState = { readonly status: 'none' } | Measure;

// RAG -----------------------------------------------------------------------------------------

/** The reading with the latest date; of two on the same date, the one recorded last (a correction). */
export function latestReading(readings: readonly MeasureReading[]): MeasureReading | null {
  return readings.reduce<MeasureReading | null>(
    (latest, reading) => (latest === null || reading.asOf >= latest.asOf ? reading : latest),
    null,
  );
}

function meets(value: number, comparator: TargetComparator, target: number): boolean {
  switch (comparator) {
    case 'more-than':
      return value > target;
    case 'at-least':
      return value >= target;
    case 'exactly':
      return value === target;
    case 'at-most':
      return value <= target;
    case 'less-than':
      return value < target;
  }
}

/** What the latest reading is judged against when the target is not met: the baseline, else the first reading. */
function startingPoint(
  measure: MeasureDefinition,
  readings: readonly MeasureReading[],
  latest: MeasureReading,
): number | null {
  if (typeof measure.baseline?.value === 'number') return measure.baseline.value;
  const earliest = readings.reduce<MeasureReading | null>(
    (first, reading) => (first === null || reading.asOf < first.asOf ? reading : first),
    null,
  );
  return earliest !== null && earliest !== latest && typeof earliest.value === 'number' ? earliest.value : null;
}

/**
 * The RAG rating the readings earn against the target.
 *
 * - A threshold met is green. Not met: red for `maintain` (it slipped); amber when the latest
 *   reading has moved the right way from the starting point (for `reach`, closer to the target),
 *   or when there is nothing to compare it with; red otherwise.
 * - A direction target (`increase`, `decrease`): green when better than the starting point, amber
 *   when level, red when worse; none until there is a starting point to compare with.
 * - None for text measures, measures without a target, and before the first reading.
 */
export function measureRag(measure: MeasureDefinition, readings: readonly MeasureReading[]): Rag {
  const latest = latestReading(readings);
  if (measure.unit === 'text' || measure.target === null || latest === null || typeof latest.value !== 'number') {
    return 'none';
  }
  const value = latest.value;
  const start = startingPoint(measure, readings, latest);
  const { target, direction } = measure;

  if (target.kind === 'threshold') {
    if (meets(value, target.comparator, target.value)) return 'green';
    if (direction === 'maintain') return 'red';
    if (start === null) return 'amber';
    const improved =
      direction === 'increase'
        ? value > start
        : direction === 'decrease'
          ? value < start
          : Math.abs(target.value - value) < Math.abs(target.value - start);
    return improved ? 'amber' : 'red';
  }

  if (start === null || (direction !== 'increase' && direction !== 'decrease')) return 'none';
  const better = direction === 'increase' ? value > start : value < start;
  if (better) return 'green';
  return value === start ? 'amber' : 'red';
}

// Rules ---------------------------------------------------------------------------------------

function existing(state: MeasureState, measureId: string): Measure {
  if (state.status === 'none') throw new NotFound(`There is no measure ${measureId}`);
  return state;
}

function active(state: MeasureState, measureId: string): Measure {
  const measure = existing(state, measureId);
  if (measure.status === 'retired') {
    throw new DomainRuleViolation('This measure is retired and takes no more changes', 'measure_retired');
  }
  return measure;
}

function validValue(value: MeasureValue, unit: MeasureUnit, field: string): MeasureValue {
  if (unit !== 'text') return validNumber(value, unit, field);
  if (typeof value !== 'string' || value.trim() === '') {
    throw new DomainRuleViolation('Describe the reading in words', 'invalid_value', field);
  }
  return value.trim();
}

function validNumber(value: MeasureValue, unit: MeasureUnit, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new DomainRuleViolation('Enter the reading as a number', 'invalid_value', field);
  }
  if (unit === 'count' && (!Number.isInteger(value) || value < 0)) {
    throw new DomainRuleViolation('A count is a whole number, zero or more', 'invalid_value', field);
  }
  return value;
}

function validTarget(
  target: MeasureTargetRequest | null,
  unit: MeasureUnit,
  direction: MeasureDirection,
): MeasureTarget | null {
  if (target === null) {
    if (direction === 'reach') {
      throw new DomainRuleViolation('Say what the measure should reach', 'target_needs_value', 'target');
    }
    return null;
  }
  if (unit === 'text') {
    throw new DomainRuleViolation('A measure in words has no target to compare with', 'text_measure_target', 'target');
  }
  if (target.kind === 'direction') {
    if (direction !== 'increase' && direction !== 'decrease') {
      throw new DomainRuleViolation(
        `A measure to ${direction} needs a target value, not just a direction`,
        'target_needs_value',
        'target',
      );
    }
    return { kind: 'direction' };
  }
  const comparator = TARGET_COMPARATORS.find((candidate) => candidate === target.comparator);
  if (comparator === undefined) {
    throw new DomainRuleViolation(
      `Compare the target by ${TARGET_COMPARATORS.join(', ')}`,
      'unknown_comparator',
      'target.comparator',
    );
  }
  return { kind: 'threshold', comparator, value: validNumber(target.value, unit, 'target.value') };
}

function validSubject(subject: MeasureSubject): MeasureSubject {
  switch (subject.kind) {
    case 'action':
      return { kind: 'action', planId: subject.planId, actionId: subject.actionId };
    case 'objective':
      return { kind: 'objective', strategyId: subject.strategyId, objectiveId: subject.objectiveId };
    default:
      throw new DomainRuleViolation('A measure is on an action or an objective', 'unknown_subject', 'subject.kind');
  }
}

function sameTarget(a: MeasureTarget | null, b: MeasureTarget | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === 'direction' || b.kind === 'direction') return a.kind === b.kind;
  return a.comparator === b.comparator && a.value === b.value;
}

function ids(measure: Measure): MeasureIds {
  return { measureId: measure.measureId, subject: measure.subject };
}

export const measureDecider: Decider<MeasureCommand, MeasureEvent, MeasureState> = {
  eventTypes: ['MeasureDefined', 'MeasureTargetRevised', 'MeasureReadingRecorded', 'MeasureRetired'],
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'DefineMeasure': {
        if (state.status !== 'none')
          throw new DomainConflict(`Measure ${command.measureId} exists already`, 'measure_exists');
        const subject = validSubject(command.subject);
        const title = requiredText(command.title, 'title', 'Say what is measured');
        const unit = MEASURE_UNITS.find((candidate) => candidate === command.unit);
        if (unit === undefined) {
          throw new DomainRuleViolation(`Measure in ${MEASURE_UNITS.join(', ')}`, 'unknown_unit', 'unit');
        }
        const direction = MEASURE_DIRECTIONS.find((candidate) => candidate === command.direction);
        if (direction === undefined) {
          throw new DomainRuleViolation(
            `The measure should ${MEASURE_DIRECTIONS.join(', ')}`,
            'unknown_direction',
            'direction',
          );
        }
        const baseline =
          command.baseline === null
            ? null
            : {
                value: validValue(command.baseline.value, unit, 'baseline.value'),
                asOf:
                  command.baseline.asOf === null
                    ? null
                    : requiredDate(command.baseline.asOf, 'baseline.asOf', 'the date of the baseline'),
              };
        const target = validTarget(command.target, unit, direction);
        return [
          {
            type: 'MeasureDefined',
            data: { measureId: command.measureId, subject, title, unit, direction, baseline, target },
          },
        ];
      }

      case 'ReviseMeasureTarget': {
        const measure = active(state, command.measureId);
        const target = validTarget(command.target, measure.unit, measure.direction);
        const reason = requiredNarrative(command.reason, 'reason', 'Say why the target is revised');
        if (sameTarget(target, measure.target)) {
          throw new DomainRuleViolation(
            'The revised target is the same as the current one',
            'target_unchanged',
            'target',
          );
        }
        return [
          { type: 'MeasureTargetRevised', data: { ...ids(measure), previousTarget: measure.target, target, reason } },
        ];
      }

      case 'RecordMeasureReading': {
        const measure = active(state, command.measureId);
        const value = validValue(command.value, measure.unit, 'value');
        const asOf = requiredDate(command.asOf, 'asOf', 'the date of the reading');
        return [
          { type: 'MeasureReadingRecorded', data: { ...ids(measure), value, asOf, note: optionalText(command.note) } },
        ];
      }

      case 'RetireMeasure': {
        const measure = active(state, command.measureId);
        return [{ type: 'MeasureRetired', data: { ...ids(measure), reason: optionalText(command.reason) } }];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'MeasureDefined':
        return { ...event.data, status: 'active', readings: [] };
      case 'MeasureTargetRevised':
        return { ...existing(state, event.data.measureId), target: event.data.target };
      case 'MeasureReadingRecorded': {
        const measure = existing(state, event.data.measureId);
        const { value, asOf, note } = event.data;
        return { ...measure, readings: [...measure.readings, { value, asOf, note }] };
      }
      case 'MeasureRetired':
        return { ...existing(state, event.data.measureId), status: 'retired' };
    }
  },
};
