import { roleName, rolesInWords } from './roles.js';

describe('naming roles in running text', () => {
  it('names each council role in plain English', () => {
    expect(roleName('council-admin')).toBe('council administrator');
    expect(roleName('plan-editor')).toBe('plan editor');
    expect(roleName('action-lead')).toBe('action lead');
    expect(roleName('viewer')).toBe('viewer');
    expect(roleName('auditor')).toBe('auditor');
  });

  it('says "a" or "an", and joins several roles with "and"', () => {
    expect(rolesInWords(['action-lead'])).toBe('an action lead');
    expect(rolesInWords(['viewer'])).toBe('a viewer');
    expect(rolesInWords(['plan-editor', 'auditor'])).toBe('a plan editor and an auditor');
    expect(rolesInWords(['council-admin', 'plan-editor', 'viewer'])).toBe(
      'a council administrator, a plan editor and a viewer',
    );
  });
});
