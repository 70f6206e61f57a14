/**
 * Action references as councils number them: "1.3", "1.3.2", "1a", "A1", "EO1.2", "Action 3",
 * or a plain "3" in a reference column.
 */
export type ActionRef = {
  /** As written, tidied ("1.3." → "1.3"). */
  readonly ref: string;
  /** "1.3" and the like; a plain number says nothing about an objective. */
  readonly compound: boolean;
  /** Keys of the objective the ref implies, nearest first ("1.3.2" → ["1.3", "1"]). */
  readonly objectiveKeys: readonly string[];
};

/** Words councils put before an objective's number; a ref starting with one needs a sub-number. */
export const OBJECTIVE_PREFIXES = new Set(['PEO', 'EO', 'SEO', 'OBJ', 'O']);

function dottedParents(numbers: string): string[] {
  const parts = numbers.split('.');
  const keys: string[] = [];
  for (let length = parts.length - 1; length >= 1; length -= 1) keys.push(parts.slice(0, length).join('.'));
  return keys;
}

export function readActionRef(text: string): ActionRef | null {
  const value = text.trim().replace(/[.)]$/, '');
  if (value.length === 0 || value.length > 12) return null;
  let match = /^(\d{1,2}(?:\.\d{1,3}){1,3})$/.exec(value);
  if (match?.[1] !== undefined) {
    return { ref: match[1], compound: true, objectiveKeys: dottedParents(match[1]) };
  }
  match = /^(\d{1,2})([a-z])$/.exec(value);
  if (match?.[1] !== undefined) return { ref: value, compound: true, objectiveKeys: [match[1]] };
  match = /^([A-Z]{1,4})[ -]?(\d{1,2}(?:\.\d{1,3}){0,2})$/.exec(value);
  if (match?.[1] !== undefined && match[2] !== undefined) {
    const [prefix, numbers] = [match[1], match[2]];
    if (OBJECTIVE_PREFIXES.has(prefix)) {
      if (!numbers.includes('.')) return null;
      return { ref: value, compound: true, objectiveKeys: dottedParents(numbers) };
    }
    return {
      ref: value,
      compound: true,
      objectiveKeys: [prefix, ...dottedParents(numbers).map((key) => `${prefix}${key}`)],
    };
  }
  match = /^action\s*(?:no\.?\s*)?(\d{1,3}(?:\.\d{1,3}){0,3})$/i.exec(value);
  if (match?.[1] !== undefined) {
    const numbers = match[1];
    return { ref: numbers, compound: numbers.includes('.'), objectiveKeys: dottedParents(numbers) };
  }
  match = /^(\d{1,3})$/.exec(value);
  if (match?.[1] !== undefined) return { ref: match[1], compound: false, objectiveKeys: [] };
  return null;
}

/** "Page 3", "Page 3 of 12", "- 3 -", "3": what a page break leaves in the copy. */
export function isPageNumber(text: string): boolean {
  return /^(?:page\s*)?[-–]?\s*\d{1,3}\s*[-–]?(?:\s*(?:of|\/)\s*\d{1,3})?$/i.test(text.trim());
}
