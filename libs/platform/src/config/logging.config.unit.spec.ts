import { loggingConfigSchema } from './logging.config.js';

describe('logging configuration', () => {
  it('logs at info by default', () => {
    expect(loggingConfigSchema.parse({})).toEqual({ level: 'info' });
  });

  it('takes any pino level', () => {
    expect(loggingConfigSchema.parse({ LOG_LEVEL: 'debug' }).level).toBe('debug');
  });

  it('rejects an unknown level', () => {
    expect(loggingConfigSchema.safeParse({ LOG_LEVEL: 'loud' }).error?.issues[0]).toEqual(
      expect.objectContaining({
        path: ['LOG_LEVEL'],
        message: 'must be one of fatal, error, warn, info, debug, trace, silent',
      }),
    );
  });
});
