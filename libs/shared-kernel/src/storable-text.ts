import { z } from 'zod';

/**
 * What free text may hold. Events are canonical JSON in PostgreSQL's jsonb: NUL (U+0000) cannot
 * be stored there at all, and half of a surrogate pair (a lone surrogate, which is no character)
 * cannot be written as canonical JSON. Other control characters (all but tab, line feed and
 * carriage return) and Unicode's noncharacters (U+FFFE, U+FFFF, …) make no sense in text either.
 *
 * Text a person sends is refused with `storableText`, naming the field; text read out of an
 * uploaded document has them stripped with `withoutUnstorableCharacters`.
 */

/** Why a character cannot be kept in text. */
export type UnstorableKind = 'control' | 'lone-surrogate' | 'noncharacter';

export interface UnstorableCharacter {
  readonly kind: UnstorableKind;
  readonly codePoint: number;
  /** Where it is, counting characters (code points) from 1, as a person counts them. */
  readonly position: number;
}

// With the `u` flag a lone surrogate is a code point of its own (\p{Cs}); a pair is one character.
const UNSTORABLE = /(?![\t\n\r])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/u;
const EVERY_UNSTORABLE = new RegExp(UNSTORABLE.source, 'gu');
const CONTROL_OR_NONCHARACTER = /(?![\t\n\r])[\p{Cc}\p{Noncharacter_Code_Point}]/u;

/** Well-formed (no lone surrogate) and free of controls and noncharacters. */
function isStorable(text: string): boolean {
  return text.isWellFormed() && !CONTROL_OR_NONCHARACTER.test(text);
}

/** Of a character UNSTORABLE found: controls are U+0000 to U+009F, noncharacters from U+FDD0 on. */
function kindOf(codePoint: number): UnstorableKind {
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return 'lone-surrogate';
  return codePoint <= 0x9f ? 'control' : 'noncharacter';
}

/** The first character the text cannot hold, or undefined when it can be stored as it is. */
export function findUnstorableCharacter(text: string): UnstorableCharacter | undefined {
  if (isStorable(text)) return undefined;
  const match = UNSTORABLE.exec(text);
  if (match === null) return undefined;
  const codePoint = match[0].codePointAt(0) ?? 0;
  return { kind: kindOf(codePoint), codePoint, position: [...text.slice(0, match.index)].length + 1 };
}

/** The text without the characters it cannot hold: for text read out of a document, never for text typed. */
export function withoutUnstorableCharacters(text: string): string {
  return isStorable(text) ? text : text.replace(EVERY_UNSTORABLE, '');
}

const CONTROL_NAMES = [
  'NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'HT', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI',
  'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US',
]; // prettier-ignore

const codePointName = (codePoint: number): string => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

/** "Title must not contain control characters such as NUL: remove the U+0000 (NUL) at character 2". */
export function unstorableTextMessage(label: string, found: UnstorableCharacter): string {
  const where = `at character ${found.position}`;
  const name = codePointName(found.codePoint);
  switch (found.kind) {
    case 'control': {
      const short = CONTROL_NAMES[found.codePoint] ?? (found.codePoint === 0x7f ? 'DEL' : undefined);
      return `${label} must not contain control characters such as NUL: remove the ${name}${short === undefined ? '' : ` (${short})`} ${where}`;
    }
    case 'lone-surrogate':
      return `${label} must not contain broken characters: remove the ${name} (half of a pair, such as half an emoji) ${where}`;
    case 'noncharacter':
      return `${label} must not contain noncharacters: remove the ${name} ${where}`;
  }
}

/** A field's place in a body in words: `planTitle` "Plan title", `leads.1` "Leads item 2"; "Text" for the body itself. */
function fieldLabel(path: readonly PropertyKey[]): string {
  const words = path
    .map((segment) =>
      typeof segment === 'number'
        ? `item ${segment + 1}`
        : String(segment)
            .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
            .toLowerCase(),
    )
    .join(' ');
  return words === '' ? 'Text' : `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

const STORABLE_TEXT_CHECK = 'storableText';

/**
 * A string that can be stored: the building block of every free-text field of a request body (the
 * API's, the web forms', the import's). Limits chain on as on any string (`storableText.min(1).max(500)`).
 * The refusal names the field from its place in the body and says which character to remove.
 */
export const storableText = z.string().refine(isStorable, {
  params: { check: STORABLE_TEXT_CHECK },
  error: (issue) => {
    const label = fieldLabel(issue.path ?? []);
    const found = typeof issue.input === 'string' ? findUnstorableCharacter(issue.input) : undefined;
    return found === undefined ? `${label} cannot be stored` : unstorableTextMessage(label, found);
  },
});

/** Whether a zod issue is `storableText`'s refusal, whose message says what to remove (forms keep it as it is). */
export function isUnstorableTextIssue(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'custom' && issue.params?.['check'] === STORABLE_TEXT_CHECK;
}
