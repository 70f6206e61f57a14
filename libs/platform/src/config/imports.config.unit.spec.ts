import { onlyIssue } from '../testing/config-issues.js';
import { importsConfigSchema } from './imports.config.js';

describe('imports configuration', () => {
  it('keeps uploads for 30 days by default', () => {
    expect(importsConfigSchema.parse({})).toEqual({ retentionDays: 30 });
  });

  it('takes IMPORT_RETENTION_DAYS', () => {
    expect(importsConfigSchema.parse({ IMPORT_RETENTION_DAYS: '90' }).retentionDays).toBe(90);
  });

  it.each(['0', '-1', 'thirty', '1.5', '3651'])('rejects IMPORT_RETENTION_DAYS=%s', (value) => {
    const issue = onlyIssue(importsConfigSchema.safeParse({ IMPORT_RETENTION_DAYS: value }));
    expect(issue.variable).toBe('IMPORT_RETENTION_DAYS');
    expect(issue.message).toBe('must be an integer from 1 to 3650');
  });
});
