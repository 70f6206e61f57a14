import type { CalendarDate, Period } from '@due-regard/plans';

/**
 * What a commit uses when the caller does not say: the strategy's and the plan's titles and
 * periods, read from the document's own words ("Equality Strategy Action Plan 2024 – 2026",
 * "… and Equality Strategy 2024-2028"), else its file name, else its due dates.
 *
 * Years are read as UK local-government financial years, the way councils write them: a plan
 * "2024 – 2026" runs from 1 April 2024 to 31 March 2026 (the financial years 2024/25 and
 * 2025/26), "2023/24" from 1 April 2023 to 31 March 2024.
 */
export interface ImportDefaults {
  readonly strategyTitle: string;
  readonly strategyPeriod: Period;
  readonly planTitle: string;
  readonly planPeriod: Period;
  /** Where the plan's period was read from. */
  readonly periodSource: 'document' | 'file-name' | 'due-dates' | 'today';
}

export interface DefaultsInput {
  /** The document's text, a line per row (cells joined by spaces), in document order. */
  readonly lines: readonly string[];
  readonly fileName: string;
  /** Every concrete due date of the preview's actions. */
  readonly dueDates: readonly CalendarDate[];
  /** The UK date today: the last resort is the financial year it falls in. */
  readonly today: CalendarDate;
}

/** A year range as written, and the years it spans. */
interface YearRange {
  readonly text: string;
  readonly first: number;
  readonly last: number;
  /** The text of the line before the range. */
  readonly before: string;
  /** The whole (cleaned) line. */
  readonly line: string;
}

const RANGE = /\b((?:19|20)\d{2})\s*(?:[-–—/]|\bto\b)\s*((?:19|20)?\d{2})\b/gi;
/** A line short enough to be a heading: the whole line is the title. */
const TITLE_LINE_LENGTH = 120;
const PLAN_WORDS = /\b(?:action|delivery|implementation|equality|edi|inclusion)\s+plan\s*(?:for|:|-|–|—)?\s*$/i;
const STRATEGY_WORDS = /\bstrateg(?:y|ies)\s*(?:\([^)]*\)\s*)?(?:for|:|-|–|—)?\s*$/i;
const CONNECTORS = new Set(['and', '&']);

/** Markup a copy leaves around a heading: Markdown hashes, HTML tags, bullets, stray spacing. */
export function cleanLine(line: string): string {
  return line
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/^[\s#*•>-]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function yearRangesOf(line: string): YearRange[] {
  const ranges: YearRange[] = [];
  for (const match of line.matchAll(RANGE)) {
    const first = Number(match[1]);
    const written = match[2] ?? '';
    const last = written.length === 2 ? Math.floor(first / 100) * 100 + Number(written) : Number(written);
    if (last <= first || last - first > 10) continue;
    ranges.push({ text: match[0], first, last, before: line.slice(0, match.index), line });
  }
  return ranges;
}

export function financialYears(first: number, last: number): Period {
  return { from: `${first}-04-01`, to: `${last}-03-31` };
}

function financialYearStart(date: CalendarDate): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 4 ? year : year - 1;
}

/**
 * The words of a heading in a sentence: the capitalised words just before the range, and a list
 * of them joined by "and" ("Equality, Diversity and Inclusion Strategy"), but not the sentence
 * around them ("… Priority Equality Objectives and Equality Strategy" gives "Equality Strategy").
 */
function headingBefore(before: string): string {
  const words = before.trim().split(/\s+/).filter(Boolean);
  const taken: string[] = [];
  for (let index = words.length - 1; index >= 0; index -= 1) {
    const word = words[index] ?? '';
    if (/^[A-Z(]/.test(word)) {
      taken.unshift(word);
      if (taken.length >= 8) break;
      continue;
    }
    if (CONNECTORS.has(word.toLowerCase()) && taken.length > 0) {
      // "X, Y and Z": an "and" inside a list whose earlier item ends with a comma.
      const listed = [words[index - 1], words[index - 2]].some((previous) => previous?.endsWith(','));
      if (listed) {
        taken.unshift(word);
        continue;
      }
    }
    break;
  }
  return taken.join(' ').replace(/[,:;–—-]+$/, '');
}

function titleOf(range: YearRange): string {
  if (range.line.length <= TITLE_LINE_LENGTH) return range.line.replace(/[.:;,]+$/, '');
  const heading = headingBefore(range.before);
  return heading === '' ? range.text : `${heading} ${range.text}`;
}

function periodOf(range: YearRange): Period {
  return financialYears(range.first, range.last);
}

function contains(outer: Period, inner: Period): boolean {
  return outer.from <= inner.from && outer.to >= inner.to;
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** "Equality Strategy Action Plan 2024 – 2026" → "Equality Strategy 2024 – 2026". */
function strategyTitleFromPlan(planTitle: string, period: Period): string {
  const stripped = tidy(planTitle.replace(/\b(?:action|delivery|implementation)\s+plan\b/i, ''));
  if (stripped !== tidy(planTitle) && /\bstrategy\b/i.test(stripped)) return stripped;
  return `Equality strategy ${period.from.slice(0, 4)}-${period.to.slice(0, 4)}`;
}

/** "Equality, Diversity and Inclusion Strategy 2024-2028" → "… Inclusion Action Plan 2024-2028". */
function planTitleFromStrategy(strategyTitle: string): string {
  const replaced = strategyTitle.replace(/\bstrategy\b(?![\s\S]*\bstrategy\b)/i, 'Action Plan');
  return replaced === strategyTitle ? `${strategyTitle} action plan` : replaced;
}

/** "charnwood-equality-action-plan-2024-2026.txt" → "Charnwood equality action plan 2024-2026". */
function titleFromFileName(fileName: string): string | null {
  const base = (fileName.split(/[\\/]/).at(-1) ?? '').replace(/\.[a-z0-9]{1,8}$/i, '');
  const words = tidy(base.replace(/[-_]+/g, ' ').replace(/\b((?:19|20)\d{2}) ((?:19|20)?\d{2})\b/g, '$1-$2'));
  if (!/[a-z]/i.test(words)) return null;
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

export function inferImportDefaults(input: DefaultsInput): ImportDefaults {
  const ranges = input.lines.map(cleanLine).flatMap(yearRangesOf);
  const planRange = ranges.find((range) => PLAN_WORDS.test(range.before));
  const strategyRanges = ranges.filter((range) => STRATEGY_WORDS.test(range.before));
  // Without words naming it, a range in a heading near the top ("Equality Objectives 2024-28").
  const headingRange = ranges.find((range) => range.line.length <= TITLE_LINE_LENGTH);

  const byName = yearRangesOf(titleFromFileName(input.fileName) ?? '')[0];
  let planPeriod: Period;
  let periodSource: ImportDefaults['periodSource'];
  let planTitle: string | null = null;
  const chosen = planRange ?? strategyRanges[0] ?? headingRange;
  if (chosen !== undefined) {
    planPeriod = periodOf(chosen);
    periodSource = 'document';
    if (planRange !== undefined) planTitle = titleOf(planRange);
    else if (chosen === headingRange && strategyRanges.length === 0) planTitle = titleOf(chosen);
  } else if (byName !== undefined) {
    planPeriod = periodOf(byName);
    periodSource = 'file-name';
  } else if (input.dueDates.length > 0) {
    const sorted = [...input.dueDates].sort();
    const first = financialYearStart(sorted[0] ?? input.today);
    const last = financialYearStart(sorted.at(-1) ?? input.today) + 1;
    planPeriod = financialYears(first, last);
    periodSource = 'due-dates';
  } else {
    const year = financialYearStart(input.today);
    planPeriod = financialYears(year, year + 1);
    periodSource = 'today';
  }

  const strategyRange = strategyRanges.find((range) => contains(periodOf(range), planPeriod));
  const strategyPeriod = strategyRange === undefined ? planPeriod : periodOf(strategyRange);
  const fileTitle = titleFromFileName(input.fileName);
  planTitle ??=
    strategyRange !== undefined
      ? planTitleFromStrategy(titleOf(strategyRange))
      : (fileTitle ?? `Action plan ${planPeriod.from.slice(0, 4)}-${planPeriod.to.slice(0, 4)}`);
  const strategyTitle =
    strategyRange !== undefined ? titleOf(strategyRange) : strategyTitleFromPlan(planTitle, strategyPeriod);
  return { strategyTitle, strategyPeriod, planTitle, planPeriod, periodSource };
}
