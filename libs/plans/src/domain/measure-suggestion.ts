import type { MeasureDirection, MeasureTarget, MeasureUnit, TargetComparator } from './measure.js';
import { tidy } from './wording.js';

/**
 * A measure read from a plan's free-text success measure ("Over 90% completion rate of mandatory
 * equality training", "Minimum of two Equality Impact Assessments… annually", "Reduction in gender
 * pay gap"): what the define-a-measure form is pre-filled with. Only what the sentence says is
 * read; the rest is left for the person to choose. The sentence itself is never changed.
 */
export type MeasureSuggestion = {
  readonly title: string;
  readonly unit: MeasureUnit;
  readonly direction: MeasureDirection;
  readonly target: MeasureTarget | null;
  /** What was read from the sentence, for the form to say ("Read from the sentence: over 90%"). */
  readonly readFrom: string | null;
};

const TITLE_MAX = 500;

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  fifty: 50,
  hundred: 100,
};

/** The words that put a comparator before a number, longest first so "no more than" wins over "more than". */
const COMPARATOR_PHRASES: readonly (readonly [string, TargetComparator])[] = [
  ['no more than', 'at-most'],
  ['no less than', 'at-least'],
  ['no fewer than', 'at-least'],
  ['not more than', 'at-most'],
  ['not less than', 'at-least'],
  ['a minimum of', 'at-least'],
  ['a maximum of', 'at-most'],
  ['minimum of', 'at-least'],
  ['maximum of', 'at-most'],
  ['more than', 'more-than'],
  ['greater than', 'more-than'],
  ['fewer than', 'less-than'],
  ['less than', 'less-than'],
  ['at least', 'at-least'],
  ['at most', 'at-most'],
  ['up to', 'at-most'],
  ['minimum', 'at-least'],
  ['maximum', 'at-most'],
  ['over', 'more-than'],
  ['above', 'more-than'],
  ['exceed', 'more-than'],
  ['under', 'less-than'],
  ['below', 'less-than'],
  ['achieve', 'exactly'],
  ['reach', 'exactly'],
];

const DECREASE = /\b(reduc\w*|decreas\w*|fewer|lower\w*|fall\w*|cut|narrow\w*|clos\w* the gap)\b/;
const INCREASE = /\b(increas\w*|improv\w*|rais\w*|ris\w*|grow\w*|more|higher|boost\w*)\b/;
const MAINTAIN = /\b(maintain\w*|sustain\w*|keep\w*|retain\w*)\b/;

const NUMBER = '(\\d[\\d,]*(?:\\.\\d+)?|' + Object.keys(NUMBER_WORDS).join('|') + ')';

function numberOf(written: string): number | null {
  const word = NUMBER_WORDS[written];
  if (word !== undefined) return word;
  const value = Number(written.replace(/,/g, ''));
  return Number.isFinite(value) ? value : null;
}

type Threshold = {
  readonly comparator: TargetComparator;
  readonly value: number;
  readonly unit: MeasureUnit;
  readonly text: string;
};

function thresholdIn(sentence: string): Threshold | null {
  for (const [phrase, comparator] of COMPARATOR_PHRASES) {
    const pattern = new RegExp(`\\b${phrase}\\s+(£\\s?)?${NUMBER}\\s*(%|per ?cent\\b|percent\\b)?`);
    const match = pattern.exec(sentence);
    if (match === null) continue;
    const value = numberOf(match[2] ?? '');
    if (value === null) continue;
    const unit: MeasureUnit = match[1] !== undefined ? 'money' : match[3] !== undefined ? 'percent' : 'count';
    return { comparator, value, unit, text: match[0].trim() };
  }
  // "90% of staff complete the training": a bare percentage is the level to reach.
  const percentage = /(\d+(?:\.\d+)?)\s*(%|per ?cent\b)/.exec(sentence);
  if (percentage !== null) {
    const value = Number(percentage[1]);
    return { comparator: 'at-least', value, unit: 'percent', text: percentage[0].trim() };
  }
  return null;
}

/** Reads what it can of a success measure written in words. Never throws. */
export function suggestMeasure(successMeasure: string): MeasureSuggestion {
  const title = tidy(successMeasure).slice(0, TITLE_MAX);
  const sentence = title.toLowerCase().replace(/[\u2010-\u2015]/g, '-');
  const threshold = thresholdIn(sentence);
  const maintain = MAINTAIN.test(sentence);
  const decrease = DECREASE.test(sentence);
  const increase = INCREASE.test(sentence);

  if (threshold !== null) {
    const direction: MeasureDirection = maintain
      ? 'maintain'
      : threshold.comparator === 'exactly'
        ? 'reach'
        : threshold.comparator === 'at-most' || threshold.comparator === 'less-than'
          ? 'decrease'
          : 'increase';
    return {
      title,
      unit: threshold.unit,
      direction,
      target: { kind: 'threshold', comparator: threshold.comparator, value: threshold.value },
      readFrom: threshold.text,
    };
  }
  const unit: MeasureUnit = /%|per ?cent\b|\brate\b|\bproportion\b/.test(sentence) ? 'percent' : 'count';
  if (decrease && !increase) {
    return {
      title,
      unit,
      direction: 'decrease',
      target: { kind: 'direction' },
      readFrom: DECREASE.exec(sentence)?.[0] ?? null,
    };
  }
  if (increase && !decrease) {
    return {
      title,
      unit,
      direction: 'increase',
      target: { kind: 'direction' },
      readFrom: INCREASE.exec(sentence)?.[0] ?? null,
    };
  }
  return { title, unit: 'text', direction: maintain ? 'maintain' : 'increase', target: null, readFrom: null };
}
