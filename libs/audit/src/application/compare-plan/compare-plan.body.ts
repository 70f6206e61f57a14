import { z } from 'zod';

const instant = z.iso.datetime({ offset: true, error: 'Give an ISO 8601 instant, e.g. 2025-03-31T12:00:00Z' });

export const planIdParam = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'Not an id of this API');

/** The two instants to compare a plan between. */
export const comparePlanQuery = z
  .strictObject({
    from: instant.describe('The earlier instant'),
    to: instant.describe('The later instant'),
  })
  .refine((query) => Date.parse(query.from) <= Date.parse(query.to), {
    message: '"from" must not be after "to"',
    path: ['from'],
  });
export type ComparePlanQuery = z.output<typeof comparePlanQuery>;
