import { tenantFromHost } from './host.js';

describe('the tenant a Host header addresses', () => {
  it.each([
    ['localhost:3000', { kind: 'platform' }],
    ['localhost', { kind: 'platform' }],
    ['charnwood.localhost:3000', { kind: 'council', slug: 'charnwood' }],
    ['CHARNWOOD.LOCALHOST', { kind: 'council', slug: 'charnwood' }],
    ['north-east-lincs.localhost.', { kind: 'council', slug: 'north-east-lincs' }],
  ])('%s → %j', (host, tenant) => {
    expect(tenantFromHost(host, 'localhost')).toEqual(tenant);
  });

  it.each([undefined, '', 'example.org', 'evil-localhost', 'a.b.localhost', '-x.localhost', 'x_y.localhost'])(
    '%p is not ours',
    (host) => {
      expect(tenantFromHost(host, 'localhost')).toBeNull();
    },
  );

  it('works under a real domain', () => {
    expect(tenantFromHost('charnwood.dueregard.gov.uk', 'dueregard.gov.uk')).toEqual({
      kind: 'council',
      slug: 'charnwood',
    });
  });
});
