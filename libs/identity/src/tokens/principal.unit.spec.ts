import { councilRolesOf, forumRolesOf, isPlatformAdmin, SYSTEM_PRINCIPAL, type Principal } from './principal.js';

const lead: Principal = {
  ...SYSTEM_PRINCIPAL,
  groups: [
    '/councils/charnwood/action-lead',
    '/councils/charnwood/made-up-role',
    '/councils/charnwood-extra/viewer',
    '/forums/lef/forum-member',
  ],
  realmRoles: ['offline_access'],
};

describe('roles from the groups claim', () => {
  it("reads a council's known roles and nothing of a council whose slug merely starts alike", () => {
    expect(councilRolesOf(lead, 'charnwood')).toEqual(['action-lead']);
    expect(councilRolesOf(lead, 'leicestershire')).toEqual([]);
  });

  it('reads forum roles and the platform role', () => {
    expect(forumRolesOf(lead, 'lef')).toEqual(['forum-member']);
    expect(isPlatformAdmin(lead)).toBe(false);
    expect(isPlatformAdmin({ ...lead, realmRoles: ['platform-admin'] })).toBe(true);
  });
});
