import { MONTH_NAMES, type QuarterConvention } from '@due-regard/shared-kernel';
import {
  addMonths,
  daysInMonth,
  formatCalendarDate,
  isValidDay,
  readCalendarDate,
  type CalendarDate,
} from './calendar-date.js';

/**
 * When an action is due, kept both as the council wrote it ("Sept 2024 and Sept 2025", "Q3 2024",
 * "Annual – April 2025", "Ongoing") and as a schedule the platform can reason about.
 *
 * - `date`: one deadline ("June 2024" = 2024-06-30: a month means its last day). A quarter ("Q3 2024",
 *   "Q2 2025/26", "Q3 October to December 2025") is due by its end: its dates are its first and
 *   last day and `range` is the quarter.
 * - `milestones`: several deadlines ("April 2017/ April 2018").
 * - `range`: a window, dates are its first and last day ("Q1 2024 - Q2 2024", "Q3 2024").
 * - `recurring`: work repeated at a frequency, with whatever dates the text names
 *   ("Annual – April 2025", "Quarterly Updates Jan/ Apr/Jul/ Oct 2017", "Annually", "Every six months",
 *   "Q4 2025/26 then annually").
 * - `ongoing`: continuous work ("Ongoing"); "Annual Review" is ongoing work reviewed annually, so
 *   it is `ongoing` with frequency `annual`.
 * - `unknown`: the text is kept and flagged for a person to read; no dates are guessed.
 */
export const DUE_KINDS = ['date', 'milestones', 'range', 'recurring', 'ongoing', 'unknown'] as const;
export type DueKind = (typeof DUE_KINDS)[number];

/**
 * `tri-annual` is kept as councils write it and never stepped through: they use it both for
 * "three times a year" and for "every three years" (Leicestershire's "tri-annual" equal pay audit).
 */
export const RECURRENCE_FREQUENCIES = [
  'monthly',
  'quarterly',
  'tri-annual',
  'six-monthly',
  'annual',
  'biennial',
] as const;
export type RecurrenceFrequency = (typeof RECURRENCE_FREQUENCIES)[number];

export type DueRange = { readonly from: CalendarDate; readonly to: CalendarDate };

export type Due = {
  /** As written (outer whitespace trimmed); null when nothing was written. */
  readonly text: string | null;
  readonly kind: DueKind;
  /** Every concrete date the text names, ascending, without repeats. Empty for `unknown`. */
  readonly dates: readonly CalendarDate[];
  /** The window, for `range` and for recurring or ongoing work written with one. */
  readonly range: DueRange | null;
  /** For `recurring`, and for `ongoing` work written with a review cadence. */
  readonly frequency: RecurrenceFrequency | null;
};

export type ParseDueOptions = {
  readonly quarterConvention?: QuarterConvention;
  /**
   * The first year of a plan's "Year 1", "Year 2 (2026/27)", "Years 1–4", as the document defines
   * them ("Year 1 is 2025/26" = 2025): plan years are financial years starting in April.
   */
  readonly planYearOne?: number;
  /**
   * The year a one-off due that names none falls in ("End of Q3", "End of March"), from the plan's
   * period: `financial` when the plan runs over a financial year ("2025/26" = start 2025).
   */
  readonly yearless?: { readonly startYear: number; readonly financial: boolean };
};

// ---------------------------------------------------------------------------------------------
// Reading the text: normalise, split into tokens, group tokens into dated elements, then decide.

const QUARTERS = [1, 2, 3, 4] as const;
type Quarter = (typeof QUARTERS)[number];
type Season = 'spring' | 'summer' | 'autumn' | 'winter';

type Token =
  | { readonly t: 'month'; readonly month: number }
  | { readonly t: 'number'; readonly value: number }
  | { readonly t: 'year'; readonly year: number }
  | { readonly t: 'financial-year'; readonly startYear: number }
  | { readonly t: 'date'; readonly year: number; readonly month: number; readonly day: number }
  | { readonly t: 'quarter'; readonly quarter: Quarter }
  /** "Quarter July to September 2024": the months written are one quarter (how a quarter renders). */
  | { readonly t: 'quarter-label' }
  | { readonly t: 'season'; readonly season: Season }
  | { readonly t: 'separator'; readonly separator: 'and' | 'to' }
  | { readonly t: 'ongoing' }
  | { readonly t: 'frequency'; readonly frequency: RecurrenceFrequency }
  | { readonly t: 'review' }
  | { readonly t: 'between' }
  | { readonly t: 'from' }
  | { readonly t: 'unrecognised' };

/** The month in which each season ends: "Spring 2025" is due by the end of May 2025. */
const SEASON_LAST_MONTH: Record<Season, number> = { spring: 5, summer: 8, autumn: 11, winter: 2 };

const AND: Token = { t: 'separator', separator: 'and' };
const TO: Token = { t: 'separator', separator: 'to' };

const WORDS: ReadonlyMap<string, Token | null> = new Map<string, Token | null>([
  ...MONTH_NAMES.flatMap((name, index): [string, Token][] => [
    [name.toLowerCase(), { t: 'month', month: index + 1 }],
    [name.slice(0, 3).toLowerCase(), { t: 'month', month: index + 1 }],
  ]),
  ['sept', { t: 'month', month: 9 }],
  ['spring', { t: 'season', season: 'spring' }],
  ['summer', { t: 'season', season: 'summer' }],
  ['autumn', { t: 'season', season: 'autumn' }],
  ['winter', { t: 'season', season: 'winter' }],
  ...['ongoing', 'continuous', 'continuously', 'continual', 'onwards', 'onward'].map((word): [string, Token] => [
    word,
    { t: 'ongoing' },
  ]),
  ...(
    [
      ['annual', 'annual'],
      ['annually', 'annual'],
      ['yearly', 'annual'],
      ['quarterly', 'quarterly'],
      ['monthly', 'monthly'],
      ['tri-annual', 'tri-annual'],
      ['tri-annually', 'tri-annual'],
      ['triannual', 'tri-annual'],
      ['triannually', 'tri-annual'],
      ['six-monthly', 'six-monthly'],
      ['biennial', 'biennial'],
      ['biennially', 'biennial'],
    ] as const
  ).map(([word, frequency]): [string, Token] => [word, { t: 'frequency', frequency }]),
  ...['review', 'reviews', 'reviewed'].map((word): [string, Token] => [word, { t: 'review' }]),
  ['and', AND],
  ['then', AND],
  ...['to', 'until', 'till', 'through', 'thru'].map((word): [string, Token] => [word, TO]),
  ['between', { t: 'between' }],
  ['quarter', { t: 'quarter-label' }],
  ['from', { t: 'from' }],
  // Words that add nothing to the schedule: "by end of March 2025", "Quarterly Updates".
  ...(
    'by end of the in on at a before no later than latest deadline due date dates target update updates report ' +
    'reports reporting approx approximately around circa c during within financial fy year calendar for ' +
    // Labels of milestones: "Draft Sep 2025; final Jan 2026", "Pilot May 2025, launch Oct 2025".
    'draft final launch pilot interim'
  )
    .split(' ')
    .map((word): [string, null] => [word, null]),
]);

const ORDINAL_QUARTERS: Readonly<Record<string, Quarter>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
};

/** A financial year as the tokeniser reads it: 2025 → "2025/26". */
function financialYearText(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/**
 * "Year 2 (2026/27)" is the financial year written beside it; "Year 1", "Years 1-4" are the plan's
 * own years, read only when the document defines them (`planYearOne`).
 */
function resolvePlanYears(normalised: string, planYearOne: number | undefined): string {
  const labelled = normalised.replace(/\byears? \d{1,2} (?=\d{4}\/\d{2,4}\b)/g, '');
  if (planYearOne === undefined) return labelled;
  const yearOf = (n: string): string => financialYearText(planYearOne + Number(n) - 1);
  return labelled
    .replace(
      /\byears? (\d{1,2}) ?(?:-|to) ?(?:year )?(\d{1,2})\b/g,
      (_, a: string, b: string) => ` ${yearOf(a)} to ${yearOf(b)} `,
    )
    .replace(/\byear (\d{1,2})\b/g, (_, n: string) => ` ${yearOf(n)} `);
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, '-')
    .replace(/[()[\]{}"“”‘’'`]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\bon[ -]going\b/g, ' ongoing ')
    .replace(/\bthree times (?:a|per|each|every) year\b/g, ' tri-annually ')
    .replace(
      /\b(?:twice (?:a|per|each|every) year|half[ -]yearly|six[ -]monthly|bi-?annual(?:ly)?)\b/g,
      ' six-monthly ',
    )
    .replace(/\b(?:every|each) (?:six|6) months\b/g, ' six-monthly ')
    .replace(/\b(?:every|each) (?:three|3) months\b/g, ' quarterly ')
    .replace(/\b(?:every|each) (?:two|2|other) years?\b/g, ' biennially ')
    .replace(/\b(?:(?:every|each|per|a) (?:year|annum))\b/g, ' annually ')
    .replace(/\b(?:every|each|per|a) quarter\b/g, ' quarterly ')
    .replace(/\b(?:every|each|per|a) month\b/g, ' monthly ')
    .replace(/\b(first|second|third|fourth|1st|2nd|3rd|4th) quarter\b/g, (_, ordinal: string) =>
      ORDINAL_QUARTERS[ordinal] === undefined ? ` ${ordinal} quarter ` : ` q${ORDINAL_QUARTERS[ordinal]} `,
    )
    .replace(/\bquarter ?([1-4])\b/g, ' q$1 ');
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

function isPlausibleYear(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/** "25" in "2024/25" or "31/03/25": the century is the one that makes the year plausible. */
function fullYear(digits: string): number {
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

function wordTokens(word: string): readonly Token[] {
  if (!WORDS.has(word)) return [UNRECOGNISED];
  const token = WORDS.get(word);
  return token === null || token === undefined ? [] : [token];
}

type Scanner = readonly [RegExp, (match: RegExpExecArray) => readonly Token[]];

const UNRECOGNISED: Token = { t: 'unrecognised' };

function dateToken(year: number, month: number, day: number): readonly Token[] {
  return isPlausibleYear(year) && isValidDay(year, month, day) ? [{ t: 'date', year, month, day }] : [UNRECOGNISED];
}

const SCANNERS: readonly Scanner[] = [
  [/\s+/y, () => []],
  // ISO: 2025-03-31
  [/(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/y, (m) => dateToken(Number(m[1]), Number(m[2]), Number(m[3]))],
  // UK order: 31/03/2025, 31.03.25, 31-03-2025
  [
    /(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?!\d)/y,
    (m) => dateToken(fullYear(m[3] ?? ''), Number(m[2]), Number(m[1])),
  ],
  // Financial years (2024/25, 2024-25, 2017/2018) or two years written together (2024-2026, 2017/2019)
  [
    /(\d{4})([/-])(\d{4}|\d{2})(?!\d|[/.]\d)/y,
    (m) => {
      const first = Number(m[1]);
      const second = fullYear(m[3] ?? '');
      const consecutive = second === first + 1 && (m[3]?.length === 2 || m[2] === '/');
      if (!isPlausibleYear(first) || !isPlausibleYear(second)) return [UNRECOGNISED];
      if (consecutive) return [{ t: 'financial-year', startYear: first }];
      if (m[3]?.length !== 4) return [UNRECOGNISED];
      return [{ t: 'year', year: first }, m[2] === '-' ? TO : AND, { t: 'year', year: second }];
    },
  ],
  // Month and year: 03/2025
  [
    /(\d{1,2})\/(\d{4})(?!\d)/y,
    (m) => {
      const month = Number(m[1]);
      const year = Number(m[2]);
      return month >= 1 && month <= 12 && isPlausibleYear(year)
        ? [
            { t: 'month', month },
            { t: 'year', year },
          ]
        : [UNRECOGNISED];
    },
  ],
  // Spreadsheet months: "Mar-26", "Sep-25" (a month and a two-digit year, never a day).
  [
    /([a-z]{3,9})-(\d{2})(?![\d/.:-])/y,
    (m) => {
      const month = WORDS.get(m[1] ?? '');
      return month?.t === 'month' ? [month, { t: 'year', year: fullYear(m[2] ?? '') }] : [UNRECOGNISED];
    },
  ],
  [/(\d{4})(?![\d])/y, (m) => (isPlausibleYear(Number(m[1])) ? [{ t: 'year', year: Number(m[1]) }] : [UNRECOGNISED])],
  [/(\d{1,2})(?:st|nd|rd|th)?(?![\da-z])/y, (m) => [{ t: 'number', value: Number(m[1]) }]],
  [/\d+[a-z]*/y, () => [UNRECOGNISED]],
  [
    /q([1-4])(?![\da-z])/y,
    (m) => {
      const quarter = QUARTERS.find((candidate) => candidate === Number(m[1]));
      return quarter === undefined ? [UNRECOGNISED] : [{ t: 'quarter', quarter }];
    },
  ],
  [
    /[a-z]+(?:-[a-z]+)*\.?/y,
    (m) => {
      const word = m[0].endsWith('.') ? m[0].slice(0, -1) : m[0];
      // "Annual–April 2025" reaches here as one word: read its parts, the dash between them.
      if (!WORDS.has(word) && word.includes('-'))
        return word.split('-').flatMap((part, index) => [...(index > 0 ? [TO] : []), ...wordTokens(part)]);
      return wordTokens(word);
    },
  ],
  [/-+/y, () => [TO]],
  [/[/,&+;]/y, () => [AND]],
  [/[.:]/y, () => []],
  [/[\s\S]/y, () => [UNRECOGNISED]],
];

function tokenise(normalised: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  while (position < normalised.length) {
    for (const [pattern, read] of SCANNERS) {
      pattern.lastIndex = position;
      const match = pattern.exec(normalised);
      if (match === null) continue;
      tokens.push(...read(match));
      position = pattern.lastIndex;
      break;
    }
  }
  return tokens;
}

/** Something the text dates: a day, a month, a quarter, a season, a year or a financial year. */
type Element =
  | { readonly kind: 'day'; year: number | null; readonly month: number; readonly day: number }
  | { readonly kind: 'month'; year: number | null; readonly month: number }
  | { readonly kind: 'quarter'; year: number | null; readonly quarter: Quarter; financial: boolean }
  | { readonly kind: 'season'; year: number | null; readonly season: Season }
  | { readonly kind: 'year'; year: number }
  | { readonly kind: 'financial-year'; year: number };

type Item = { readonly element: Element; readonly yearWritten: boolean } | { readonly token: Token };

/** A year written after an element, or a financial year ("March 2024/25" is March 2025). */
function yearAfter(tokens: readonly Token[], index: number): { year: number | null; financial: boolean; used: number } {
  const next = tokens[index];
  if (next?.t === 'year') return { year: next.year, financial: false, used: 1 };
  if (next?.t === 'financial-year') return { year: next.startYear, financial: true, used: 1 };
  return { year: null, financial: false, used: 0 };
}

function yearInFinancialYear(month: number, startYear: number): number {
  return month >= 4 ? startYear : startYear + 1;
}

function readItems(tokens: readonly Token[]): Item[] {
  const items: Item[] = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index];
    if (token === undefined) break;
    switch (token.t) {
      case 'number': {
        // Day before the month: "31 March 2025", "31st of March" ("of" was dropped).
        const month = tokens[index + 1];
        if (month?.t !== 'month') {
          items.push({ token: UNRECOGNISED });
          index += 1;
          break;
        }
        const { year, financial, used } = yearAfter(tokens, index + 2);
        items.push({
          element: {
            kind: 'day',
            month: month.month,
            day: token.value,
            year: year !== null && financial ? yearInFinancialYear(month.month, year) : year,
          },
          yearWritten: year !== null,
        });
        index += 2 + used;
        break;
      }
      case 'month': {
        // US order, only with a year after it: "March 31 2025", "March 31, 2025".
        const day = tokens[index + 1];
        if (day?.t === 'number') {
          const afterDay = tokens[index + 2];
          const comma = afterDay?.t === 'separator' && afterDay.separator === 'and' ? 1 : 0;
          const { year, financial, used } = yearAfter(tokens, index + 2 + comma);
          if (year === null) {
            items.push({ token: UNRECOGNISED });
            index += 2;
            break;
          }
          items.push({
            element: {
              kind: 'day',
              month: token.month,
              day: day.value,
              year: financial ? yearInFinancialYear(token.month, year) : year,
            },
            yearWritten: true,
          });
          index += 2 + comma + used;
          break;
        }
        const { year, financial, used } = yearAfter(tokens, index + 1);
        items.push({
          element: {
            kind: 'month',
            month: token.month,
            year: year !== null && financial ? yearInFinancialYear(token.month, year) : year,
          },
          yearWritten: year !== null,
        });
        index += 1 + used;
        break;
      }
      case 'quarter': {
        const { year, financial, used } = yearAfter(tokens, index + 1);
        items.push({
          element: { kind: 'quarter', quarter: token.quarter, year, financial },
          yearWritten: year !== null,
        });
        index += 1 + used;
        break;
      }
      case 'season': {
        const { year, financial, used } = yearAfter(tokens, index + 1);
        const inYear = year !== null && financial && token.season === 'winter' ? year + 1 : year;
        items.push({ element: { kind: 'season', season: token.season, year: inYear }, yearWritten: year !== null });
        index += 1 + used;
        break;
      }
      case 'year':
        items.push({ element: { kind: 'year', year: token.year }, yearWritten: true });
        index += 1;
        break;
      case 'financial-year':
        items.push({ element: { kind: 'financial-year', year: token.startYear }, yearWritten: true });
        index += 1;
        break;
      case 'date':
        items.push({
          element: { kind: 'day', year: token.year, month: token.month, day: token.day },
          yearWritten: true,
        });
        index += 1;
        break;
      case 'separator':
      case 'quarter-label':
      case 'ongoing':
      case 'frequency':
      case 'review':
      case 'between':
      case 'from':
      case 'unrecognised':
        items.push({ token });
        index += 1;
        break;
    }
  }
  return withoutQuarterLabels(items);
}

/** "Q2 July to September 2025": a quarter written beside months only labels them; months win. */
function withoutQuarterLabels(items: readonly Item[]): Item[] {
  const isMonthly = (item: Item | undefined): boolean =>
    item !== undefined && 'element' in item && (item.element.kind === 'month' || item.element.kind === 'day');
  return items.filter(
    (item, index) =>
      !('element' in item && item.element.kind === 'quarter') ||
      !(isMonthly(items[index - 1]) || isMonthly(items[index + 1])),
  );
}

type Dated = { readonly element: Element; readonly yearWritten: boolean };

/** Elements without a year take the nearest year written after them ("Jan/ Apr/Jul/ Oct 2017"), else before. */
function inferYears(elements: readonly Dated[]): boolean {
  for (const [index, dated] of elements.entries()) {
    if (dated.element.year !== null) continue;
    const after = elements.slice(index + 1).find((other) => other.yearWritten);
    const before = elements
      .slice(0, index)
      .reverse()
      .find((other) => other.yearWritten);
    const source = after ?? before;
    if (source === undefined) return false;
    dated.element.year = yearOfWrittenElement(source.element, dated.element);
  }
  return true;
}

/** Elements of a text that names no year ("End of Q3") fall in the plan's year. */
function inYear(elements: readonly Dated[], period: NonNullable<ParseDueOptions['yearless']>): boolean {
  for (const { element } of elements) {
    if (element.year !== null) continue;
    if (element.kind === 'quarter') {
      element.year = period.startYear;
      element.financial = period.financial;
    } else if ((element.kind === 'month' || element.kind === 'day') && period.financial) {
      element.year = yearInFinancialYear(element.month, period.startYear);
    } else {
      element.year = period.startYear;
    }
  }
  return elements.length > 0;
}

/**
 * The calendar year an undated element borrows from a dated one. A financial year lends the year
 * the element's month falls in ("April and March 2024/25" = April 2024 and March 2025).
 */
function yearOfWrittenElement(source: Element, borrower: Element): number | null {
  if (source.kind !== 'financial-year' || source.year === null) return source.year;
  if (borrower.kind === 'month' || borrower.kind === 'day') return yearInFinancialYear(borrower.month, source.year);
  return source.year;
}

function quarterMonths(quarter: Quarter, year: number, financial: boolean): { year: number; firstMonth: number } {
  if (!financial) return { year, firstMonth: quarter * 3 - 2 };
  return quarter === 4 ? { year: year + 1, firstMonth: 1 } : { year, firstMonth: quarter * 3 + 1 };
}

function startOf(element: Element, convention: QuarterConvention): CalendarDate | null {
  const year = element.year;
  if (year === null) return null;
  switch (element.kind) {
    case 'day':
      return isValidDay(year, element.month, element.day) ? formatCalendarDate(year, element.month, element.day) : null;
    case 'month':
      return formatCalendarDate(year, element.month, 1);
    case 'quarter': {
      const { year: inYear, firstMonth } = quarterMonths(
        element.quarter,
        year,
        element.financial || convention === 'financial',
      );
      return formatCalendarDate(inYear, firstMonth, 1);
    }
    case 'season': {
      const lastMonth = SEASON_LAST_MONTH[element.season];
      return lastMonth === 2 ? formatCalendarDate(year - 1, 12, 1) : formatCalendarDate(year, lastMonth - 2, 1);
    }
    case 'year':
      return formatCalendarDate(year, 1, 1);
    case 'financial-year':
      return formatCalendarDate(year, 4, 1);
  }
}

function endOf(element: Element, convention: QuarterConvention): CalendarDate | null {
  const year = element.year;
  if (year === null) return null;
  switch (element.kind) {
    case 'day':
      return startOf(element, convention);
    case 'month':
      return formatCalendarDate(year, element.month, daysInMonth(year, element.month));
    case 'quarter': {
      const { year: inYear, firstMonth } = quarterMonths(
        element.quarter,
        year,
        element.financial || convention === 'financial',
      );
      return formatCalendarDate(inYear, firstMonth + 2, daysInMonth(inYear, firstMonth + 2));
    }
    case 'season': {
      const lastMonth = SEASON_LAST_MONTH[element.season];
      return formatCalendarDate(year, lastMonth, daysInMonth(year, lastMonth));
    }
    case 'year':
      return formatCalendarDate(year, 12, 31);
    case 'financial-year':
      return formatCalendarDate(year + 1, 3, 31);
  }
}

type Schedule =
  | { readonly shape: 'none' }
  | { readonly shape: 'single'; readonly element: Dated }
  | { readonly shape: 'list'; readonly elements: readonly Dated[] }
  | { readonly shape: 'range'; readonly from: Dated; readonly to: Dated }
  | { readonly shape: 'invalid' };

function scheduleOf(items: readonly Item[], between: boolean): Schedule {
  const elements: Dated[] = [];
  const separators: ('and' | 'to')[] = [];
  let pending: 'none' | 'and' | 'to' = 'none';
  for (const item of items) {
    if ('element' in item) {
      if (elements.length > 0) separators.push(pending === 'to' ? 'to' : 'and');
      elements.push(item);
      pending = 'none';
    } else if (item.token.t === 'separator' && pending !== 'to') {
      pending = item.token.separator;
    }
  }
  const [first, second] = elements;
  if (first === undefined) return { shape: 'none' };
  if (second === undefined) return { shape: 'single', element: first };
  if (elements.length === 2 && (separators[0] === 'to' || between)) return { shape: 'range', from: first, to: second };
  if (separators.every((separator) => separator === 'and')) return { shape: 'list', elements };
  return { shape: 'invalid' };
}

type Dates = { readonly dates: readonly CalendarDate[]; readonly range: DueRange | null };

function datesOf(schedule: Schedule, convention: QuarterConvention): Dates | null {
  switch (schedule.shape) {
    case 'none':
      return { dates: [], range: null };
    case 'invalid':
      return null;
    case 'single': {
      const { element } = schedule.element;
      if (element.kind === 'quarter') return rangeOf(element, element, convention);
      const end = endOf(element, convention);
      return end === null ? null : { dates: [end], range: null };
    }
    case 'list': {
      const ends = schedule.elements.map(({ element }) => endOf(element, convention));
      if (ends.some((end) => end === null)) return null;
      return { dates: ascendingUnique(ends.filter((end): end is CalendarDate => end !== null)), range: null };
    }
    case 'range': {
      const { from, to } = schedule;
      const range = rangeOf(from.element, to.element, convention);
      if (range !== null || from.yearWritten || from.element.year === null) return range;
      // "November to February 2025" starts in the year before the one written.
      from.element.year -= 1;
      return rangeOf(from.element, to.element, convention);
    }
  }
}

function rangeOf(from: Element, to: Element, convention: QuarterConvention): Dates | null {
  const start = startOf(from, convention);
  const end = endOf(to, convention);
  if (start === null || end === null || start > end) return null;
  if (start === end) return { dates: [start], range: null };
  return { dates: [start, end], range: { from: start, to: end } };
}

function ascendingUnique(dates: readonly CalendarDate[]): CalendarDate[] {
  return [...new Set(dates)].sort();
}

function unknown(text: string | null): Due {
  return { text, kind: 'unknown', dates: [], range: null, frequency: null };
}

/**
 * Reads a due phrase as a council wrote it. Never throws: what it cannot read with confidence
 * comes back as `unknown`, with the text kept.
 */
export function parseDue(text: string, options: ParseDueOptions = {}): Due {
  const written = text.trim();
  if (written === '') return unknown(null);
  const convention = options.quarterConvention ?? 'calendar';
  const tokens = tokenise(resolvePlanYears(normalise(written), options.planYearOne));
  const items = readItems(tokens);
  // "Q3 October to December 2025": the quarter only labelled the months written beside it.
  const quarterLabelled =
    tokens.some((token) => token.t === 'quarter' || token.t === 'quarter-label') &&
    !items.some((item) => 'element' in item && item.element.kind === 'quarter');
  const markers = items.flatMap((item) => ('token' in item ? [item.token] : []));
  if (markers.some((token) => token.t === 'unrecognised')) return unknown(written);

  const frequencies = new Set(markers.flatMap((token) => (token.t === 'frequency' ? [token.frequency] : [])));
  if (frequencies.size > 1) return unknown(written);
  const [frequency = null] = frequencies;
  const ongoing = markers.some((token) => token.t === 'ongoing');
  const review = markers.some((token) => token.t === 'review');
  const between = markers.some((token) => token.t === 'between');
  const from = markers.some((token) => token.t === 'from');
  const repeating = ongoing || frequency !== null;

  const elements = items.flatMap((item) => ('element' in item ? [item] : []));
  const yearsKnown =
    inferYears(elements) || (!repeating && options.yearless !== undefined && inYear(elements, options.yearless));
  // "Annually in March" repeats every March though it names no year; one-off work needs a year.
  if (!yearsKnown && !repeating) return unknown(written);
  const schedule: Schedule = yearsKnown ? scheduleOf(items, between) : { shape: 'none' };
  if ((between || (from && !repeating)) && schedule.shape !== 'range') return unknown(written);

  const dated = datesOf(schedule, convention);
  if (dated === null || dated.dates.some((date) => !isPlausibleYear(Number(date.slice(0, 4))))) return unknown(written);
  const { dates, range } = dated;
  const quarterDeadline =
    (schedule.shape === 'single' && schedule.element.element.kind === 'quarter') ||
    (quarterLabelled && schedule.shape === 'range');

  if (ongoing) return { text: written, kind: 'ongoing', dates, range, frequency };
  if (frequency !== null) {
    const kind = review && dates.length === 0 ? 'ongoing' : 'recurring';
    return { text: written, kind, dates, range, frequency };
  }
  if (range !== null) return { text: written, kind: quarterDeadline ? 'date' : 'range', dates, range, frequency: null };
  if (dates.length === 1) return { text: written, kind: 'date', dates, range: null, frequency: null };
  if (dates.length > 1) return { text: written, kind: 'milestones', dates, range: null, frequency: null };
  return unknown(written);
}

// ---------------------------------------------------------------------------------------------
// Writing it back: plain English that parseDue reads as the same schedule, whatever the convention.

const FREQUENCY_ADVERBS: Record<RecurrenceFrequency, string> = {
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  'tri-annual': 'Tri-annually',
  'six-monthly': 'Six-monthly',
  annual: 'Annually',
  biennial: 'Every two years',
};

const FREQUENCY_ADJECTIVES: Record<RecurrenceFrequency, string> = {
  monthly: 'monthly',
  quarterly: 'quarterly',
  'tri-annual': 'tri-annual',
  'six-monthly': 'six-monthly',
  annual: 'annual',
  biennial: 'biennial',
};

function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? '';
}

/** "June 2024" for a month's last day (a deadline), "15 June 2024" otherwise. */
function renderDeadline(date: CalendarDate): string {
  const parts = readCalendarDate(date);
  if (parts === null) return date;
  const { year, month, day } = parts;
  return day === daysInMonth(year, month) ? `${monthName(month)} ${year}` : `${day} ${monthName(month)} ${year}`;
}

/** "April 2024" for a month's first day (a start), "15 April 2024" otherwise. */
function renderStart(date: CalendarDate): string {
  const parts = readCalendarDate(date);
  if (parts === null) return date;
  const { year, month, day } = parts;
  return day === 1 ? `${monthName(month)} ${year}` : `${day} ${monthName(month)} ${year}`;
}

function renderList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

function renderDates(due: Due): string {
  if (due.range !== null) return `${renderStart(due.range.from)} to ${renderDeadline(due.range.to)}`;
  return renderList(due.dates.map(renderDeadline));
}

/**
 * The schedule in plain English ("Q3 2024" → "Quarter July 2024 to September 2024"); `unknown` gives back
 * the text as written. Show `due.text` where the council's own words matter.
 */
export function renderDue(due: Due): string {
  const dates = renderDates(due);
  switch (due.kind) {
    case 'date':
      if (due.range !== null) return `Quarter ${dates}`;
      return dates === '' ? (due.text ?? '') : dates;
    case 'milestones':
    case 'range':
      return dates === '' ? (due.text ?? '') : dates;
    case 'recurring': {
      const adverb = FREQUENCY_ADVERBS[due.frequency ?? 'annual'];
      return dates === '' ? adverb : `${adverb} – ${dates}`;
    }
    case 'ongoing': {
      const cadence = due.frequency === null ? null : `${FREQUENCY_ADJECTIVES[due.frequency]} review`;
      if (dates === '' && cadence !== null) return cadence.charAt(0).toUpperCase() + cadence.slice(1);
      return ['Ongoing', cadence === null ? '' : `, ${cadence}`, dates === '' ? '' : ` – ${dates}`].join('');
    }
    case 'unknown':
      return due.text ?? '';
  }
}

// ---------------------------------------------------------------------------------------------
// Reading the schedule: what dashboards and reminders ask of it.

const MONTHS_BETWEEN: Record<RecurrenceFrequency, number | null> = {
  monthly: 1,
  quarterly: 3,
  'tri-annual': null,
  'six-monthly': 6,
  annual: 12,
  biennial: 24,
};

/**
 * The last deadline of one-off work (`date`, `milestones`, `range`): once it has passed and the
 * action is not completed, the action is overdue. Null for recurring, ongoing and unknown dues.
 */
export function finalDueDate(due: Due): CalendarDate | null {
  switch (due.kind) {
    case 'date':
    case 'milestones':
    case 'range':
      return due.dates.at(-1) ?? null;
    case 'recurring':
    case 'ongoing':
    case 'unknown':
      return null;
  }
}

/**
 * The first deadline on or after `today`. A range is due at its end; recurring work steps on from
 * the dates it names at its frequency ("Annual – April 2025" is next due in April 2026). Null when
 * nothing is due from `today` on, or the due names no date.
 */
export function nextDueDate(due: Due, today: CalendarDate): CalendarDate | null {
  const deadlines = due.range === null ? due.dates : [due.range.to];
  const upcoming = deadlines.find((date) => date >= today);
  if (upcoming !== undefined) return upcoming;
  if (due.kind !== 'recurring' || due.frequency === null) return null;
  const step = MONTHS_BETWEEN[due.frequency];
  const last = deadlines.at(-1);
  if (step === null || last === undefined) return null;
  const lastParts = readCalendarDate(last);
  const todayParts = readCalendarDate(today);
  if (lastParts === null || todayParts === null) return null;
  const monthsAhead = (todayParts.year - lastParts.year) * 12 + (todayParts.month - lastParts.month);
  let steps = Math.max(1, Math.floor(monthsAhead / step));
  let next = addMonths(last, steps * step);
  while (next < today) {
    steps += 1;
    next = addMonths(last, steps * step);
  }
  return next;
}
