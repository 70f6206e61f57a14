/**
 * Rows that head a section of the plan rather than state an action: an objective ("PEO 1: …",
 * "Objective 2 – …", "3: …") or a level above it (a priority, a theme, a pillar, one of the PSED
 * aims).
 */
export type SectionHeading = {
  /** 2: an objective; 1: a level above (which becomes the objective when a plan has no other). */
  readonly level: 1 | 2;
  /** The label as written ("PEO", "Priority"), or null when the copy lost it. */
  readonly label: string | null;
  /** "1", "2.1", "A", or null. */
  readonly key: string | null;
  readonly title: string;
  /** Whether a label word was written (a bare "3: …" is only a section when its context agrees). */
  readonly labelled: boolean;
};

const LEVEL_TWO = [
  'priority equality objective',
  'equality objective',
  'strategic objective',
  'objective',
  'obj',
  'peo',
  'seo',
  'eo',
  'outcome',
  'commitment',
  'goal',
];
const LEVEL_ONE = [
  'psed aim',
  'general duty aim',
  'equality duty aim',
  'strategic priority',
  'priority',
  'aim',
  'theme',
  'pillar',
  'strand',
  'ambition',
];
const LABELS = [...LEVEL_TWO, ...LEVEL_ONE]
  .sort((a, b) => b.length - a.length)
  .map((label) => label.replace(/ /g, '\\s+'));
const LABEL = `(${LABELS.join('|')})s?`;
// "PEO PEO 3:", "PEO O 5:" are what the copy of a label split over two cells looks like.
const LABELLED = new RegExp(
  `^${LABEL}\\.?(?:\\s+${LABEL})?\\s*(?:\\b[A-Z]{1,2}\\s+(?=\\d))?(\\d{1,2}(?:\\.\\d{1,2})?|[A-Z](?![a-z])|[IVX]{1,4}(?![a-z]))?\\s*([:.)\\-–—]\\s*|\\s+)(.*)$`,
  'i',
);
const UNLABELLED = /^(\d{1,2})\s*(?::\s*|\)\s+|[.\-–—]\s+(?=[A-Z]))(\S.*)$/;
const PSED_AIM =
  /^(?:eliminat\w*\s+(?:unlawful\s+)?discrimination|advanc\w*\s+equality\s+of\s+opportunity|foster\w*\s+good\s+relations)/i;

function tidyTitle(text: string): string {
  return text
    .replace(/^[\s:.)\-–—]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function readSectionHeading(text: string): SectionHeading | null {
  const value = text.trim();
  const labelled = LABELLED.exec(value);
  if (labelled !== null) {
    const label = labelled[1] ?? '';
    const key = labelled[3] ?? null;
    const separator = labelled[4] ?? '';
    const title = tidyTitle(labelled[5] ?? '');
    // "Objectives are …" is prose: a label needs a number or a separator before its title.
    const separated = key !== null || /[:\-–—]/.test(separator);
    if (separated && (title !== '' || key !== null)) {
      const lower = label.toLowerCase().replace(/\s+/g, ' ');
      const level = LEVEL_TWO.includes(lower) ? 2 : 1;
      return { level, label: label.replace(/\s+/g, ' '), key: key?.toUpperCase() ?? null, title, labelled: true };
    }
  }
  const unlabelled = UNLABELLED.exec(value);
  if (unlabelled?.[1] !== undefined && unlabelled[2] !== undefined) {
    return { level: 2, label: null, key: unlabelled[1], title: tidyTitle(unlabelled[2]), labelled: false };
  }
  if (PSED_AIM.test(value) && value.split(' ').length <= 25) {
    return { level: 1, label: null, key: null, title: tidyTitle(value), labelled: true };
  }
  return null;
}
