import { COUNCIL_ROLES } from '@due-regard/identity';
import {
  ACCREDITATIONS_CAPABILITIES,
  mayDo,
  rolesFor,
  type AccreditationsCapability,
} from './accreditations.policy.js';

describe('the accreditations policy table', () => {
  // Columns: council-admin, plan-editor, action-lead, viewer, auditor.
  const TABLE: Readonly<Record<AccreditationsCapability, string>> = {
    readAccreditations: 'A E L V U',
    planAccreditation: 'A E . . .',
    recordAward: 'A E . . .',
    withdrawAccreditation: 'A E . . .',
  };

  it.each(ACCREDITATIONS_CAPABILITIES.map((capability) => [capability]))(
    'lets each role do %s as the table says, and the routes require those roles',
    (capability) => {
      const row = COUNCIL_ROLES.map((role, column) =>
        mayDo({ roles: [role] }, capability) ? ('AELVU'[column] ?? '?') : '.',
      ).join(' ');
      expect(row).toBe(TABLE[capability]);
      expect(COUNCIL_ROLES.filter((role) => rolesFor(capability).includes(role))).toEqual(
        COUNCIL_ROLES.filter((role) => mayDo({ roles: [role] }, capability)),
      );
    },
  );

  it('names every capability of the table, and lets nobody without a role do anything', () => {
    expect([...ACCREDITATIONS_CAPABILITIES].sort()).toEqual(Object.keys(TABLE).sort());
    for (const capability of ACCREDITATIONS_CAPABILITIES) expect(mayDo({ roles: [] }, capability)).toBe(false);
  });
});
