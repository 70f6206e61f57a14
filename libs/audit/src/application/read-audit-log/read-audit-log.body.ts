import { z } from 'zod';
import { EVENT_SOURCES } from '@due-regard/event-store';

const instant = z.iso.datetime({ offset: true, error: 'Give an ISO 8601 instant, e.g. 2025-03-31T12:00:00Z' });

/** The audit log's filters and page, from the query string (API and web alike). */
export const auditLogQuery = z
  .strictObject({
    from: instant.optional().describe('Changes at or after this instant'),
    to: instant.optional().describe('Changes at or before this instant'),
    stream: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,200}$/, 'A stream name, or its start (e.g. plan-charnwood.)')
      .optional()
      .describe('Changes to this stream, or to every stream whose name starts so'),
    actor: z
      .string()
      .regex(/^[A-Za-z0-9:._@-]{1,200}$/, 'A subject id')
      .optional()
      .describe('Changes by this person (subject id)'),
    type: z
      .string()
      .regex(/^[A-Za-z]{1,100}$/, 'An event type, e.g. ProgressRecorded')
      .optional()
      .describe('Changes that recorded an event of this type'),
    source: z.enum(EVENT_SOURCES).optional().describe('Changes made through ui, api, import, job or system'),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((query) => query.from === undefined || query.to === undefined || query.from <= query.to, {
    message: '"from" must not be after "to"',
    path: ['from'],
  });
export type AuditLogQuery = z.output<typeof auditLogQuery>;
