import { onlyIssue } from '../testing/config-issues.js';
import { redisConfigSchema } from './redis.config.js';

describe('redis configuration', () => {
  it('defaults to the local Redis and .data/redis', () => {
    expect(redisConfigSchema.parse({})).toEqual({
      url: 'redis://127.0.0.1:6379',
      dataDir: '.data/redis',
      keyPrefix: 'due-regard',
    });
  });

  it('accepts redis:// and rediss:// URLs', () => {
    expect(redisConfigSchema.parse({ REDIS_URL: 'rediss://:pw@cache:6380/2' }).url).toBe('rediss://:pw@cache:6380/2');
  });

  it.each(['http://cache:6379', 'cache:6379'])('rejects REDIS_URL=%s', (url) => {
    const result = redisConfigSchema.safeParse({ REDIS_URL: url });
    const issue = onlyIssue(result);
    expect(issue.variable).toBe('REDIS_URL');
    expect(issue.message).toContain('redis:// or rediss://');
  });
});
