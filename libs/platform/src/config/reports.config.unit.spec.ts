import { onlyIssue } from '../testing/config-issues.js';
import { reportsConfigSchema } from './reports.config.js';

describe('reports configuration', () => {
  it('keeps report files for a year by default', () => {
    expect(reportsConfigSchema.parse({})).toEqual({ retentionDays: 365 });
  });

  it('takes REPORT_RETENTION_DAYS', () => {
    expect(reportsConfigSchema.parse({ REPORT_RETENTION_DAYS: '30' }).retentionDays).toBe(30);
  });

  it.each(['0', 'a year', '3651'])('rejects REPORT_RETENTION_DAYS=%s', (value) => {
    const issue = onlyIssue(reportsConfigSchema.safeParse({ REPORT_RETENTION_DAYS: value }));
    expect(issue.variable).toBe('REPORT_RETENTION_DAYS');
    expect(issue.message).toBe('must be an integer from 1 to 3650');
  });
});
