import { councilNavigation } from './page-renderer.js';

const texts = (...args: Parameters<typeof councilNavigation>) => councilNavigation(...args).map((link) => link.text);

describe("a council's service navigation", () => {
  it('offers the signed-out public only the published plans', () => {
    expect(texts(false, [])).toEqual(['Published plans']);
  });

  it('offers readers home and plans, and editors and admins imports as well', () => {
    expect(texts(true, ['viewer', 'action-lead', 'auditor'])).toEqual(['Home', 'Plans', 'Published plans']);
    expect(texts(true, ['plan-editor'])).toEqual(['Home', 'Plans', 'Import', 'Published plans']);
    expect(councilNavigation(true, ['council-admin']).find((link) => link.text === 'Import')?.href).toBe(
      '/imports/new',
    );
  });

  it('keeps Plans highlighted on a plan, a strategy and an action’s history', () => {
    expect(councilNavigation(true, ['viewer']).find((link) => link.text === 'Plans')?.within).toEqual([
      '/plans/',
      '/strategies/',
    ]);
  });
});
