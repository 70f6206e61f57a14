import { httpConfigSchema } from './http.config.js';

describe('http configuration', () => {
  it('defaults to port 3000 on localhost in development', () => {
    expect(httpConfigSchema.parse({})).toEqual({
      port: 3000,
      baseDomain: 'localhost',
      nodeEnv: 'development',
      metrics: null,
    });
  });

  it('reads PORT, BASE_DOMAIN and NODE_ENV', () => {
    expect(
      httpConfigSchema.parse({ PORT: '8080', BASE_DOMAIN: 'Due-Regard.Example.org', NODE_ENV: 'production' }),
    ).toEqual({
      port: 8080,
      baseDomain: 'due-regard.example.org',
      nodeEnv: 'production',
      metrics: null,
    });
  });

  it('serves metrics on a port of their own only when METRICS_PORT is set, on loopback unless told', () => {
    expect(httpConfigSchema.parse({ METRICS_PORT: '9464' }).metrics).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(httpConfigSchema.parse({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' }).metrics).toEqual({
      port: 9464,
      host: '0.0.0.0',
    });
    expect(httpConfigSchema.safeParse({ METRICS_PORT: 'nine' }).error?.issues[0]).toEqual(
      expect.objectContaining({ path: ['METRICS_PORT'], message: 'must be an integer from 1 to 65535' }),
    );
  });

  it('treats an empty PORT as unset', () => {
    expect(httpConfigSchema.parse({ PORT: '' }).port).toBe(3000);
  });

  it.each(['abc', '0', '65536', '30.5', '-1', '3000abc'])('rejects PORT=%s', (port) => {
    const result = httpConfigSchema.safeParse({ PORT: port });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['PORT'], message: 'must be an integer from 1 to 65535' }),
    ]);
  });

  it.each(['http://localhost', 'localhost:3000', 'under_score.example', ''.padEnd(64, 'a')])(
    'rejects BASE_DOMAIN=%s',
    (domain) => {
      const result = httpConfigSchema.safeParse({ BASE_DOMAIN: domain });
      expect(result.error?.issues[0]?.path).toEqual(['BASE_DOMAIN']);
    },
  );

  it('rejects an unknown NODE_ENV, listing the accepted ones', () => {
    const result = httpConfigSchema.safeParse({ NODE_ENV: 'staging' });
    expect(result.error?.issues[0]).toEqual(
      expect.objectContaining({ path: ['NODE_ENV'], message: 'must be one of development, production, test' }),
    );
  });
});
