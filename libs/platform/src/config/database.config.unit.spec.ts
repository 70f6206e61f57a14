import { onlyIssue } from '../testing/config-issues.js';
import { databaseConfigSchema } from './database.config.js';

describe('database configuration', () => {
  it('uses an embedded PostgreSQL under .data/postgres on port 54329 by default', () => {
    expect(databaseConfigSchema.parse({})).toEqual({
      url: undefined,
      embedded: { dataDir: '.data/postgres', port: 54329 },
    });
  });

  it('takes DATABASE_URL with either PostgreSQL scheme', () => {
    expect(databaseConfigSchema.parse({ DATABASE_URL: 'postgres://app:secret@db:5432/due_regard' }).url).toBe(
      'postgres://app:secret@db:5432/due_regard',
    );
    expect(databaseConfigSchema.parse({ DATABASE_URL: 'postgresql://db/due_regard' }).url).toBe(
      'postgresql://db/due_regard',
    );
  });

  it('treats an empty DATABASE_URL as unset', () => {
    expect(databaseConfigSchema.parse({ DATABASE_URL: '' }).url).toBeUndefined();
  });

  it.each(['mysql://db/x', 'not a url', 'postgres://'])('rejects DATABASE_URL=%s', (url) => {
    const result = databaseConfigSchema.safeParse({ DATABASE_URL: url });
    const issue = onlyIssue(result);
    expect(issue.variable).toBe('DATABASE_URL');
    expect(issue.message).toContain('must be a URL starting with postgres://');
  });

  it('reads the embedded directory and port', () => {
    expect(
      databaseConfigSchema.parse({ EMBEDDED_POSTGRES_DIR: '/var/lib/dr', EMBEDDED_POSTGRES_PORT: '6000' }).embedded,
    ).toEqual({
      dataDir: '/var/lib/dr',
      port: 6000,
    });
  });

  it('rejects a bad EMBEDDED_POSTGRES_PORT', () => {
    expect(databaseConfigSchema.safeParse({ EMBEDDED_POSTGRES_PORT: 'x' }).error?.issues[0]?.path).toEqual([
      'EMBEDDED_POSTGRES_PORT',
    ]);
  });
});
