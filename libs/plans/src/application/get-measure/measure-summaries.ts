import { longUkDate } from '@due-regard/shared-kernel';
import type { MeasureEvent, MeasureTarget, MeasureUnit, MeasureValue } from '../../domain/measure.js';

const COMPARATOR_WORDS = {
  'more-than': 'more than',
  'at-least': 'at least',
  exactly: 'exactly',
  'at-most': 'at most',
  'less-than': 'less than',
} as const;

/** "90%", "£1,200", "12", or the words of a measure in words. */
export function formatMeasureValue(value: MeasureValue, unit: MeasureUnit): string {
  if (typeof value === 'string') return value;
  const number = value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
  return unit === 'percent' ? `${number}%` : unit === 'money' ? `£${number}` : number;
}

/** "more than 90%", "better than the baseline", "no target". */
export function describeTarget(target: MeasureTarget | null, unit: MeasureUnit, direction: string): string {
  if (target === null) return 'no target';
  if (target.kind === 'direction') return `${direction} on the baseline`;
  return `${COMPARATOR_WORDS[target.comparator]} ${formatMeasureValue(target.value, unit)}`;
}

/** What a measure's event changed, in words, for its history. */
export function summariseMeasureEvent(event: MeasureEvent, unit: MeasureUnit): string {
  switch (event.type) {
    case 'MeasureDefined':
      return `Measure defined: "${event.data.title}", target ${describeTarget(event.data.target, event.data.unit, event.data.direction)}`;
    case 'MeasureTargetRevised':
      return `Target revised from ${describeTarget(event.data.previousTarget, unit, 'better')} to ${describeTarget(event.data.target, unit, 'better')}: ${event.data.reason}`;
    case 'MeasureReadingRecorded':
      return `Reading of ${formatMeasureValue(event.data.value, unit)} as of ${longUkDate(event.data.asOf) ?? event.data.asOf}`;
    case 'MeasureRetired':
      return event.data.reason === null ? 'Measure retired' : `Measure retired: ${event.data.reason}`;
  }
}
