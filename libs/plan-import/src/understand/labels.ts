/**
 * The labels councils put at the start of a row or a heading, read as a level of the plan:
 * "Priority A", "THEME 1 –", "Part B –" (a group), "Objective 2", "Outcome 1:", "Equality Objective
 * Two", "EQ3", "PEO 1" (an objective), "Action 7" (an action), and the refs actions carry on their
 * own ("1.2", "1a", "A1", "EO1.1", "(ii)", "P/04", "1.1.1").
 */
export type LabelLevel = 'group' | 'objective' | 'action';

export type Label = {
  readonly level: LabelLevel;
  /** The label as written: "Priority A", "Objective 2", "EQ1", "Action 7". */
  readonly label: string;
  /** What follows the label ("Knowing our communities"), "" when nothing does. */
  readonly title: string;
};

const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve';
const NUMBER = `(?:\\d{1,3}[a-z]?|[A-Z]|[IVX]{1,5}|${NUMBER_WORDS})`;
const SEPARATOR = '(\\s*[:.–—-]\\s*|\\s+)';

const WORD_LABELS: readonly (readonly [LabelLevel, string])[] = [
  ['objective', '(?:(?:equality|strategic|corporate|priority equality)\\s+)?(?:objective|outcome|goal)'],
  ['group', '(?:priority|theme|part|pillar|strand|section|workstream|ambition|aim)'],
  ['action', '(?:action|task|activity)'],
];
const WORD_LABEL_PATTERNS = WORD_LABELS.map(
  ([level, words]) =>
    [level, new RegExp(`^(${words}\\s+${NUMBER})(?![\\p{L}\\d])(?:${SEPARATOR}(.*))?$`, 'isu')] as const,
);
/** "PEO 1", "EO2", "EQ3", "SEO 4", "OBJ 5": objective codes (with no dotted part: "EO1.1" is an action). */
const OBJECTIVE_CODE = /^((?:PEO|SEO|EO|EQ|OBJ)\s?\d{1,2})(?![\d.])(?:\s*[:.–—-]?\s*(.*))?$/su;

const ACTION_REF =
  /^(?:[A-Z]{1,4}[/ ]?\d{1,3}(?:\.\d{1,3})*[a-z]?|\d{1,3}(?:\.\d{1,3})*[a-z]?|\(?[ivx]{1,6}\)|\(?[a-z]\))$/u;
const NUMERIC_REF = /^\d{1,3}(?:\.\d{1,3})*$/;

/** The label at the start of a text, or null. */
export function readLabel(text: string): Label | null {
  const value = text.replace(/\s+/g, ' ').trim();
  if (value === '' || value.length > 400) return null;
  const code = OBJECTIVE_CODE.exec(value);
  if (code?.[1] !== undefined) return { level: 'objective', label: code[1], title: (code[2] ?? '').trim() };
  for (const [level, pattern] of WORD_LABEL_PATTERNS) {
    const match = pattern.exec(value);
    if (match?.[1] === undefined) continue;
    const title = (match[3] ?? '').trim();
    // "Section 149 of the Act": a label is followed by punctuation, a capital, or nothing.
    if (match[2] !== undefined && match[2].trim() === '' && !/^[\p{Lu}<\d"“]/u.test(title)) continue;
    return { level, label: match[1], title };
  }
  return null;
}

/** A ref an action carries on its own in a ref column ("1.2", "1a", "A1", "EO1.1", "(ii)", "P/04"). */
export function isActionRef(text: string): boolean {
  const value = text.trim();
  return value.length <= 12 && ACTION_REF.test(value);
}

/** The depth of a numeric outline ref: "1" is 1, "1.1" is 2, "1.1.1" is 3; null when not one. */
export function outlineDepth(text: string): number | null {
  const value = text.trim();
  return NUMERIC_REF.test(value) ? value.split('.').length : null;
}
