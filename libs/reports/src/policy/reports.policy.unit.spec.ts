import { COUNCIL_ROLES } from '@due-regard/identity';
import { mayDo, publicMayDownload, REPORTS_CAPABILITIES, rolesFor } from './reports.policy.js';

describe('who may ask for and read reports', () => {
  it("lets every council role ask for a report and read the council's reports", () => {
    for (const capability of REPORTS_CAPABILITIES) {
      expect([...rolesFor(capability)].sort()).toEqual([...COUNCIL_ROLES].sort());
      for (const role of COUNCIL_ROLES) expect(mayDo([role], capability)).toBe(true);
    }
  });

  it('lets nobody without a council role ask', () => {
    expect(mayDo([], 'requestReport')).toBe(false);
    expect(mayDo([], 'readReports')).toBe(false);
  });

  it('lets the public download reports of published plans only', () => {
    expect(publicMayDownload({ status: 'published', publishedOn: '2024-07-01' })).toBe(true);
    expect(publicMayDownload({ status: 'closed', publishedOn: '2024-07-01' })).toBe(true);
    expect(publicMayDownload({ status: 'closed', publishedOn: null })).toBe(false);
    for (const status of ['draft', 'submitted', 'approved'] as const) {
      expect(publicMayDownload({ status, publishedOn: null })).toBe(false);
    }
  });
});
