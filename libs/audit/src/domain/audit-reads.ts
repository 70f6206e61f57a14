import type { Decider, DomainEvent, JsonObject } from '@due-regard/shared-kernel';

/** Someone read the council's audit log: which filters and page, and how many entries they saw. */
export type AuditLogRead = DomainEvent<
  'AuditLogRead',
  { readonly filters: JsonObject; readonly page: number; readonly entries: number }
>;

export interface RecordAuditLogRead {
  readonly type: 'RecordAuditLogRead';
  readonly filters: JsonObject;
  readonly page: number;
  readonly entries: number;
}

/** The council's record of who read its audit log: auditors are audited too. */
export const auditReadsDecider: Decider<RecordAuditLogRead, AuditLogRead, { readonly reads: number }> = {
  eventTypes: ['AuditLogRead'],
  initialState: () => ({ reads: 0 }),
  decide: ({ filters, page, entries }) => [{ type: 'AuditLogRead', data: { filters, page, entries } }],
  evolve: (state) => ({ reads: state.reads + 1 }),
};
