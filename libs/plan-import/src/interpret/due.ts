import { parseDue, type Due, type ParseDueOptions } from '@due-regard/plans';
import { type QuarterConvention } from '@due-regard/shared-kernel';

export const NO_DUE: Due = { text: null, kind: 'unknown', dates: [], range: null, frequency: null };

/** The plans domain's Due, never throwing: text it cannot read is `unknown`, kept as written. */
export class DueReader {
  private readonly cache = new Map<string, Due>();

  /** `context`: what the document itself says of its years ("Year 1 is 2025/26", a plan for 2025/26). */
  constructor(
    private readonly quarterConvention: QuarterConvention | undefined,
    private readonly context: Omit<ParseDueOptions, 'quarterConvention'> = {},
  ) {}

  read(text: string): Due {
    const value = text.trim();
    if (value === '') return NO_DUE;
    const cached = this.cache.get(value);
    if (cached !== undefined) return cached;
    let due: Due;
    try {
      due =
        this.quarterConvention === undefined
          ? parseDue(value, this.context)
          : parseDue(value, { ...this.context, quarterConvention: this.quarterConvention });
    } catch {
      due = { text: value, kind: 'unknown', dates: [], range: null, frequency: null };
    }
    if (value.length <= 200) this.cache.set(value, due);
    return due;
  }

  /** Reads as a due (a date, a schedule, "Ongoing"), not as prose that merely contains a year. */
  isDueLike(text: string): boolean {
    return text.length <= 60 && this.read(text).kind !== 'unknown';
  }

  /** A single date with a year ("April 2011"), as a second due on a repeated line would be. */
  isSingleDate(text: string): boolean {
    if (text.length > 60) return false;
    const due = this.read(text);
    return due.kind === 'date' && due.dates.length === 1;
  }

  /**
   * A due the copy left at the end of another cell: "… by March 2026", "… (Q3 2025)",
   * "… – April 2025". Only a concrete schedule counts.
   */
  trailingDue(text: string): Due | null {
    const value = text.trim().replace(/[.;]+$/, '');
    const patterns = [
      /\((?:by\s+|due\s+)?([^()]{3,40})\)$/i,
      /\b(?:by|before|no later than|due|until|deadline:?|target date:?)\s+((?:the\s+)?(?:end\s+of\s+)?[^,;:]{3,40})$/i,
      /\s[–—-]\s+([^–—-]{3,40})$/,
    ];
    for (const pattern of patterns) {
      const candidate = pattern.exec(value)?.[1];
      if (candidate === undefined) continue;
      const due = this.read(candidate);
      if ((due.kind === 'date' || due.kind === 'milestones' || due.kind === 'range') && due.dates.length > 0)
        return due;
    }
    return null;
  }
}
