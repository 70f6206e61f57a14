import { actionPermissions } from './action-permissions.js';

describe("who sees the action page's links", () => {
  const hr = ['Human Resources'];

  it('lets plan editors and council admins record progress, change the due date and edit any action', () => {
    expect(actionPermissions(['plan-editor'], [], hr)).toEqual({ report: true, edit: true });
    expect(actionPermissions(['council-admin'], [], ['Equality Working Group'])).toEqual({ report: true, edit: true });
  });

  it("lets an action lead report on their own team's actions only, whatever the case and spacing of the lead", () => {
    expect(actionPermissions(['action-lead'], ['Human Resources'], [' human  resources'])).toEqual({
      report: true,
      edit: false,
    });
    expect(actionPermissions(['action-lead'], ['Human Resources'], ['Human Resources', 'ALL'])).toEqual({
      report: true,
      edit: false,
    });
    expect(actionPermissions(['action-lead'], ['Human Resources'], ['Equality Working Group'])).toEqual({
      report: false,
      edit: false,
    });
  });

  it('gives teams no rights without the action-lead role, and viewers and auditors only read', () => {
    expect(actionPermissions(['viewer'], ['Human Resources'], hr)).toEqual({ report: false, edit: false });
    expect(actionPermissions(['auditor'], [], hr)).toEqual({ report: false, edit: false });
    expect(actionPermissions([], ['Human Resources'], hr)).toEqual({ report: false, edit: false });
  });
});
