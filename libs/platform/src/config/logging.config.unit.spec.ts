import { chosenLogFormat, loggingConfigSchema } from './logging.config.js';

describe('logging configuration', () => {
  it('logs at info by default', () => {
    expect(loggingConfigSchema.parse({})).toEqual({ level: 'info', format: 'auto' });
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

  it('writes readable lines at a terminal outside production, JSON lines otherwise, unless told', () => {
    expect(chosenLogFormat('auto', true, false)).toBe('pretty');
    expect(chosenLogFormat('auto', false, false)).toBe('json');
    expect(chosenLogFormat('auto', true, true)).toBe('json');
    expect(chosenLogFormat('json', true, false)).toBe('json');
    expect(chosenLogFormat('pretty', false, true)).toBe('pretty');
    expect(loggingConfigSchema.safeParse({ LOG_FORMAT: 'xml' }).error?.issues[0]?.message).toBe(
      'must be one of auto, json, pretty',
    );
  });
});
