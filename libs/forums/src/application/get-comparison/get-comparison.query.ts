import { z } from 'zod';

/** `?asOf=`: a day (its end, UK time near enough: 23:59:59Z) or an instant; now when left out. */
export const comparisonQuery = z.strictObject({
  asOf: z
    .union([
      z.iso.date({ error: 'Give a date (2025-03-31) or an ISO 8601 instant (2025-03-31T12:00:00Z)' }),
      z.iso.datetime({ offset: true, error: 'Give a date (2025-03-31) or an ISO 8601 instant (2025-03-31T12:00:00Z)' }),
    ])
    .optional()
    .describe('The comparison as it stood then'),
});
export type ComparisonQuery = z.output<typeof comparisonQuery>;

export function asOfInstant(asOf: string | undefined): Date | null {
  if (asOf === undefined) return null;
  return new Date(asOf.length === 10 ? `${asOf}T23:59:59.999Z` : asOf);
}
