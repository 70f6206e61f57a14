import type { ParseDueOptions } from '@due-regard/plans';
import type { QuarterConvention } from '@due-regard/shared-kernel';

/**
 * What a document says of its own dates, read from its words before any table: how its quarters
 * run ("Quarters in this plan are calendar quarters", "All quarters are financial quarters", or the
 * financial years it writes: "2025/26"), what its "Year 1" is ("Year 1 is 2025/26"), and the period
 * a due with no year falls in ("Due dates refer to the 2025/26 financial year", a title's "2025/26").
 */
export type DocumentContext = {
  /** Null when the document says nothing: the council's setting applies. */
  readonly quarterConvention: QuarterConvention | null;
  readonly planYearOne: number | undefined;
  readonly yearless: ParseDueOptions['yearless'];
};

const CALENDAR_STATEMENT =
  /\bcalendar quarters?\b|\bQ1\s+(?:is|=|runs?\s+from|covers|means)\s+(?:January|Jan)\b|\bquarters?\b[^.]{0,40}\bcalendar year\b/i;
const FINANCIAL_STATEMENT =
  /\bfinancial quarters?\b|\bQ1\s+(?:is|=|runs?\s+from|covers|means)\s+(?:April|Apr)\b|\bquarters?\b[^.]{0,40}\bfinancial year\b/i;
const FINANCIAL_YEAR = /\b(20\d\d)\s?\/\s?(\d\d)\b/;
const YEAR_ONE =
  /\bYear\s+(?:1|one)\s*(?:is|=|:|runs?\s+from|covers|\()\s*(?:the\s+)?(?:financial\s+year\s+)?(20\d\d)\s?[/–-]\s?\d{2,4}/i;

export function readDocumentContext(lines: readonly string[]): DocumentContext {
  const text = lines.join('\n');
  const calendar = CALENDAR_STATEMENT.test(text);
  const financial = FINANCIAL_STATEMENT.test(text);
  const writesFinancialYears = FINANCIAL_YEAR.test(text) || /\bfinancial years?\b/i.test(text);
  let quarterConvention: QuarterConvention | null = null;
  if (calendar !== financial) quarterConvention = calendar ? 'calendar' : 'financial';
  else if (writesFinancialYears) quarterConvention = 'financial';

  const yearOne = YEAR_ONE.exec(text)?.[1];
  // The plan's period: the first financial year its opening lines (title, introduction) name.
  const opening = lines
    .filter((line) => line.trim() !== '')
    .slice(0, 12)
    .join('\n');
  const period = FINANCIAL_YEAR.exec(opening)?.[1];
  return {
    quarterConvention,
    planYearOne: yearOne === undefined ? undefined : Number(yearOne),
    yearless:
      period === undefined ? undefined : { startYear: Number(period), financial: quarterConvention !== 'calendar' },
  };
}
