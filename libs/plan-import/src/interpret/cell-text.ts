import { withoutUnstorableCharacters } from '@due-regard/shared-kernel';

/**
 * Reading what is inside one cell: markup a council typed or pasted (HTML tags, Markdown
 * emphasis, entities), bullet characters, and the line structure a source kept.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  bull: '•',
  middot: '·',
  pound: '£',
};

export const BULLET = '• ';
const BULLET_CHARS = '•·◦▪▫■□●○‣⁃∙➢➤►✓✔';
const LINE_BULLET = new RegExp(`^\\s*(?:[${BULLET_CHARS}]|[-–—*](?=\\s))\\s*`, 'u');
const INLINE_BULLET = /\s+[•●▪■◦➢►✓✔‣]\s+/gu;
const BULLET_ONLY = new RegExp(`^[${BULLET_CHARS}\\-–—*]$`, 'u');
const KEPT_TOKEN = new RegExp(`[\\p{Script=Latin}\\p{N}&/%£$+@#'"“”‘’(),.:;!?–—*${BULLET_CHARS}-]`, 'u');
const HTML_TAG = /<\/?([a-z][a-z0-9]*)\b[^<>]{0,300}>/gi;
const BLOCK_TAGS = new Set(['p', 'div', 'ul', 'ol', 'tr', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole: string, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      // A reference to a character text cannot hold (a control, half a surrogate pair) is dropped,
      // as the character itself is.
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? withoutUnstorableCharacters(String.fromCodePoint(code))
        : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function replaceTags(text: string): string {
  return text.replace(HTML_TAG, (_whole: string, tag: string) => {
    const name = tag.toLowerCase();
    if (name === 'br') return '\n';
    if (name === 'li') return _whole.startsWith('</') ? '\n' : `\n${BULLET}`;
    if (BLOCK_TAGS.has(name)) return '\n';
    if (name === 'td' || name === 'th') return ' ';
    return '';
  });
}

/**
 * Tokens of one or two characters with no Latin letter or digit (a stray "τ", "☐", "ا" that a PDF
 * copy scatters over a page) are debris.
 */
function dropDebrisTokens(line: string): string {
  return line
    .split(' ')
    .filter((token) => token.length > 2 || KEPT_TOKEN.test(token))
    .join(' ');
}

/** A cell's text with markup read, whitespace tidied, and list items starting with "• ". */
export function cleanCell(raw: string): string {
  let text = raw.replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '');
  text = replaceTags(decodeEntities(text));
  text = text.replace(/\*\*([^*\n]+)\*\*/g, '$1').replace(/__([^_\n]+)__/g, '$1');
  text = text
    .replace(/\u00a0/g, ' ')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ');
  text = text.replace(INLINE_BULLET, `\n${BULLET}`);
  const lines = text
    .split('\n')
    .map((line) => dropDebrisTokens(line.replace(/\s+/g, ' ').trim()))
    .map((line) => {
      if (BULLET_ONLY.test(line)) return BULLET.trim();
      return LINE_BULLET.test(line) ? BULLET + line.replace(LINE_BULLET, '') : line;
    })
    .filter((line) => line !== '');
  return lines.join('\n');
}

export function isBulletOnly(text: string): boolean {
  return text.trim() === BULLET.trim();
}

/** The cell as one line: list markers removed, lines joined by spaces. */
export function flat(text: string): string {
  // Most cells are one tidy line already.
  if (!/\n|\s\s|^\s|\s$/.test(text) && !text.startsWith('•')) return text;
  return text
    .split('\n')
    .map((line) => (line.startsWith(BULLET) ? line.slice(BULLET.length) : line))
    .filter((line) => line !== '' && !isBulletOnly(line))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const NUMBERED_LINE = /^(?:\d{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}\))\s+/;

/**
 * The items of a list in a cell. A line starting with a bullet (or, when at least two lines do, a
 * number or letter) starts an item; other lines continue the item before. Text before the first
 * marker is the first item.
 */
export function listItems(text: string): string[] {
  const lines = text.split('\n').filter((line) => line.trim() !== '' && !isBulletOnly(line));
  const numbered = lines.filter((line) => NUMBERED_LINE.test(line)).length >= 2;
  const items: string[] = [];
  let current: string | null = null;
  for (const line of lines) {
    const bulleted = line.startsWith(BULLET);
    const isNumbered = numbered && NUMBERED_LINE.test(line);
    if (bulleted || isNumbered || current === null) {
      if (current !== null) items.push(current);
      current = bulleted ? line.slice(BULLET.length) : isNumbered ? line.replace(NUMBERED_LINE, '') : line;
    } else {
      current = joinLines(current, line);
    }
  }
  if (current !== null) items.push(current);
  return items.map((item) => item.replace(/\s+/g, ' ').trim()).filter((item) => item !== '');
}

export function hasList(text: string): boolean {
  return listItems(text).length > 1;
}

/** The end of a text, which is all that the checks of how a text ends need to read. */
function tail(text: string): string {
  return text.length > 300 ? text.slice(-300) : text;
}

/** Small words a line, a title or a sentence does not end on. */
export const FUNCTION_WORDS = new Set(
  (
    'a an the and or but nor of to in on at by for with from into onto within without about as than that which who ' +
    'whom whose where when while if so such its their our your his her this these those is are was were be been ' +
    'being has have had will would can could should may might must not no all any each every some including via per ' +
    'new own key also both either more most other own same up out over under between across through towards toward'
  ).split(' '),
);

const ABBREVIATIONS =
  /\b(?:etc|e\.g|i\.e|no|nos|approx|incl|inc|st|dept|cllr|mr|mrs|ms|dr|vs|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|comms)\.$/i;

/** Ends a sentence: a full stop, "!" or "?" (closing quotes and brackets allowed), not an abbreviation. */
export function endsSentence(text: string): boolean {
  const trimmed = tail(text).trim();
  return /[.!?]['"’”)\]]*$/.test(trimmed) && !ABBREVIATIONS.test(trimmed.replace(/['"’”)\]]+$/, ''));
}

/** Text that stops mid-phrase: on a connecting word, a comma, a dash, "&", "/" or an open bracket. */
export function endsMidPhrase(text: string): boolean {
  const trimmed = tail(text).trim();
  if (trimmed === '') return false;
  if (/[,;:&/+(\-–—]$/.test(trimmed)) return true;
  const last = /([A-Za-z]+)$/.exec(trimmed)?.[1]?.toLowerCase();
  return last !== undefined && FUNCTION_WORDS.has(last);
}

/** A sentence-like text that has not ended: no closing punctuation (longer texts), or mid-phrase. */
export function isUnfinished(text: string): boolean {
  const trimmed = (tail(text).split('\n').pop() ?? '').trim();
  if (trimmed === '') return false;
  if (endsMidPhrase(trimmed)) return true;
  return !endsSentence(trimmed) && /[a-z]$/.test(trimmed) && trimmed.split(' ').length >= 6;
}

export function startsLowercase(text: string): boolean {
  return /^[a-z]/.test(text.trim());
}

/** Joins a line wrapped onto the next physical line: a word hyphenated at the break is rejoined. */
export function joinLines(before: string, after: string): string {
  const left = before.trimEnd();
  const right = after.trimStart();
  if (left === '') return right;
  if (right === '') return left;
  if (/[A-Za-z]-$/.test(left) && /^[a-z]/.test(right)) return left + right;
  return `${left} ${right}`;
}

const SHORT_WORDS = new Set([
  'a',
  'i',
  'an',
  'as',
  'at',
  'be',
  'by',
  'do',
  'go',
  'if',
  'in',
  'is',
  'it',
  'me',
  'my',
  'no',
  'of',
  'on',
  'or',
  'so',
  'to',
  'up',
  'us',
  'we',
  'hr',
  'it',
  'uk',
  'l&d',
  'bi',
  'eg',
  'ie',
]);
const WORD_ENDINGS =
  /^(?:tion|sion|ment|ness|ity|ing|ed|es|s|ly|al|ive|ous|ship|ance|ence|ible|able|ise|ize|cil|e|er|ers)\b/;

/**
 * Joins two parts of one line that a PDF copy put in neighbouring cells (an objective heading run
 * across the table): the boundary falls anywhere, often inside a word ("pr" | "omote").
 */
export function joinSplitText(before: string, after: string): string {
  const left = before.trimEnd();
  const right = after.trimStart();
  if (left === '') return right;
  if (right === '') return left;
  if (/^[,.;:!?)]/.test(right)) return left + right;
  const lastWord = /([A-Za-z]+)$/.exec(left)?.[1];
  const firstWord = /^([a-z]+)/.exec(right)?.[1];
  if (lastWord !== undefined && firstWord !== undefined) {
    const lower = lastWord.toLowerCase();
    const leftIsWord = FUNCTION_WORDS.has(lower) || SHORT_WORDS.has(lower);
    if (!leftIsWord && (lastWord.length <= 3 || firstWord.length <= 3 || WORD_ENDINGS.test(firstWord))) {
      return left + right;
    }
  }
  return `${left} ${right}`;
}

/** Noise: nothing left once debris is gone, or a scrap of up to three characters that is no word. */
export function isScrap(text: string): boolean {
  const value = flat(text);
  if (value === '') return true;
  if (value.length > 3) return false;
  if (/^[A-Z]{2,3}$|^[A-Z]&[A-Z]$/.test(value)) return false;
  return !/^\d{1,3}$/.test(value);
}

/** A fragment a PDF copy produced from a signature, a stamp or a smudge rather than from the plan. */
export function isGarbled(text: string): boolean {
  const value = flat(text);
  if (/^[.,;:!?]\s*\S/.test(value)) return true;
  const words = value.split(' ').filter((word) => /[A-Za-z]/.test(word) && !/\d/.test(word));
  if (words.length < 2) return false;
  const odd = words.filter((word) => {
    const letters = word.replace(/[^A-Za-z]/g, '');
    return letters.length <= 2 && !SHORT_WORDS.has(letters.toLowerCase());
  }).length;
  return odd * 2 >= words.length;
}

export function quote(text: string, max = 60): string {
  const value = text.replace(/\s+/g, ' ').trim();
  return `"${value.length > max ? `${value.slice(0, max - 1)}…` : value}"`;
}

/**
 * A cell read as a list: the marked items (bullets, or two or more numbered lines), and the text
 * before the first marker ("Completion of the project, including:").
 */
export function listStructure(text: string): { leadIn: string | null; items: string[] } {
  const lines = text.split('\n').filter((line) => line.trim() !== '' && !isBulletOnly(line));
  const numbered = lines.filter((line) => NUMBERED_LINE.test(line)).length >= 2;
  const marked = (line: string): boolean => line.startsWith(BULLET) || (numbered && NUMBERED_LINE.test(line));
  const firstMarked = lines.findIndex(marked);
  if (firstMarked < 0) return { leadIn: lines.length === 0 ? null : flat(lines.join('\n')), items: [] };
  const leadIn = firstMarked === 0 ? null : flat(lines.slice(0, firstMarked).join('\n'));
  return { leadIn, items: listItems(lines.slice(firstMarked).join('\n')) };
}
