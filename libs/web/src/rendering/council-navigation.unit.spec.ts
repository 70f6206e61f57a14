import type { CouncilRole } from '@due-regard/identity';
import { councilNavigation } from './page-renderer.js';

const as = (...roles: CouncilRole[]) => ({ roles, teams: ['Human Resources'] });
const texts = (...args: Parameters<typeof councilNavigation>) => councilNavigation(...args).map((link) => link.text);

describe("a council's service navigation", () => {
  it('offers the signed-out public only the published plans', () => {
    expect(texts(null)).toEqual(['Published plans']);
  });

  it("offers someone signed in without a role in this council (another council's officer) only the published plans", () => {
    expect(texts({ roles: [], teams: [] })).toEqual(['Published plans']);
  });

  it('offers readers home, plans, accreditations and reports, editors and admins imports as well, and admins the settings', () => {
    expect(texts(as('viewer', 'action-lead', 'auditor'))).toEqual([
      'Home',
      'Plans',
      'Accreditations',
      'Reports',
      'Published plans',
    ]);
    expect(texts(as('plan-editor'))).toEqual([
      'Home',
      'Plans',
      'Accreditations',
      'Import',
      'Reports',
      'Published plans',
    ]);
    expect(texts(as('council-admin'))).toEqual([
      'Home',
      'Plans',
      'Accreditations',
      'Import',
      'Reports',
      'Published plans',
      'Forums',
      'Settings',
    ]);
    expect(councilNavigation(as('council-admin')).find((link) => link.text === 'Import')?.href).toBe('/imports/new');
  });

  it('keeps Reports highlighted on a report', () => {
    expect(councilNavigation(as('viewer')).find((link) => link.text === 'Reports')).toEqual({
      href: '/reports',
      text: 'Reports',
      within: ['/reports/'],
    });
  });

  it('keeps Plans highlighted on a plan, a strategy and an action’s history', () => {
    expect(councilNavigation(as('viewer')).find((link) => link.text === 'Plans')?.within).toEqual([
      '/plans/',
      '/strategies/',
    ]);
  });
});
