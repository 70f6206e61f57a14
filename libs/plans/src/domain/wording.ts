import { DomainRuleViolation } from '@due-regard/shared-kernel';
import { isCalendarDate, type CalendarDate } from './calendar-date.js';

/** Outer whitespace trimmed and inner runs of whitespace made single, as text pasted from a PDF needs. */
export function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function requiredText(text: string, field: string, message: string, code = `${field}_required`): string {
  const tidied = tidy(text);
  if (tidied === '') throw new DomainRuleViolation(message, code, field);
  return tidied;
}

/** Longer text (descriptions, narratives) keeps its line breaks; only the ends are trimmed. */
export function optionalText(text: string | null): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

export function requiredNarrative(text: string, field: string, message: string, code = `${field}_required`): string {
  const trimmed = text.trim();
  if (trimmed === '') throw new DomainRuleViolation(message, code, field);
  return trimmed;
}

/** "PEO 1", "1.3": trimmed, with inner whitespace made single; blank means no reference. */
export function optionalRef(ref: string | null): string | null {
  const tidied = tidy(ref ?? '');
  return tidied === '' ? null : tidied;
}

/** References are compared without regard to case or spacing: "PEO 1" and "peo  1" are the same. */
export function sameRef(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.toLowerCase().replace(/\s+/g, '') === b.toLowerCase().replace(/\s+/g, '');
}

/** A list of short texts (leads, success measures): tidied, blanks dropped, repeats dropped. */
export function tidyList(items: readonly string[]): string[] {
  const tidied = items.map(tidy).filter((item) => item !== '');
  return tidied.filter(
    (item, index) => tidied.findIndex((other) => other.toLowerCase() === item.toLowerCase()) === index,
  );
}

/** Keys from a reference list, each checked, returned once each in the reference's order. */
export function referenceKeys<Key extends string>(
  keys: readonly string[],
  valid: readonly Key[],
  field: string,
  code: string,
  describe: (key: string) => string,
): Key[] {
  const unknown = keys.find((key) => !(valid as readonly string[]).includes(key));
  if (unknown !== undefined) throw new DomainRuleViolation(describe(unknown), code, field);
  return valid.filter((key) => keys.includes(key));
}

export function requiredDate(date: string, field: string, what: string): CalendarDate {
  if (!isCalendarDate(date)) {
    throw new DomainRuleViolation(`Enter ${what} as a date, such as 2025-03-31`, 'invalid_date', field);
  }
  return date;
}
