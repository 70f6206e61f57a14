import { generateKeyPairSync } from 'node:crypto';
import { onlyIssue } from '../testing/config-issues.js';
import { eventStoreConfigSchema } from './event-store.config.js';

const ed25519Pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const rsaPem = generateKeyPairSync('rsa', { modulusLength: 1024 })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();

describe('event store configuration', () => {
  it('defaults to PostgreSQL with a development key id and no key (one is generated outside production)', () => {
    expect(eventStoreConfigSchema.parse({})).toEqual({
      backend: { kind: 'postgres' },
      signingKey: { pem: undefined, keyId: 'dev' },
    });
  });

  it('selects EventStoreDB with its URL', () => {
    expect(
      eventStoreConfigSchema.parse({ EVENT_STORE: 'eventstoredb', EVENTSTORE_URL: 'esdb://kurrentdb:2113?tls=false' })
        .backend,
    ).toEqual({
      kind: 'eventstoredb',
      url: 'esdb://kurrentdb:2113?tls=false',
    });
    expect(
      eventStoreConfigSchema.parse({
        EVENT_STORE: 'eventstoredb',
        EVENTSTORE_URL: 'esdb+discover://a:2113,b:2113?tls=false',
      }).backend,
    ).toEqual({ kind: 'eventstoredb', url: 'esdb+discover://a:2113,b:2113?tls=false' });
  });

  it('requires EVENTSTORE_URL when EVENT_STORE is eventstoredb', () => {
    const issue = onlyIssue(eventStoreConfigSchema.safeParse({ EVENT_STORE: 'eventstoredb' }));
    expect(issue.variable).toBe('EVENTSTORE_URL');
    expect(issue.message).toContain('must be set when EVENT_STORE is eventstoredb');
  });

  it('rejects an EVENTSTORE_URL that is not a connection string', () => {
    expect(
      eventStoreConfigSchema.safeParse({ EVENT_STORE: 'eventstoredb', EVENTSTORE_URL: 'http://kurrentdb:2113' }).error
        ?.issues[0]?.path,
    ).toEqual(['EVENTSTORE_URL']);
  });

  it('rejects an unknown EVENT_STORE', () => {
    expect(eventStoreConfigSchema.safeParse({ EVENT_STORE: 'mongo' }).error?.issues[0]).toEqual(
      expect.objectContaining({ path: ['EVENT_STORE'], message: 'must be one of postgres, eventstoredb' }),
    );
  });

  it('requires a signing key in production', () => {
    const issue = onlyIssue(eventStoreConfigSchema.safeParse({ NODE_ENV: 'production' }));
    expect(issue.variable).toBe('EVENT_STORE_SIGNING_KEY');
    expect(issue.message).toContain('must be set in production');
  });

  it('takes an Ed25519 PEM, also written on one line with \\n escapes', () => {
    const oneLine = ed25519Pem.replaceAll('\n', '\\n');
    const config = eventStoreConfigSchema.parse({
      NODE_ENV: 'production',
      EVENT_STORE_SIGNING_KEY: oneLine,
      EVENT_STORE_SIGNING_KEY_ID: 'prod-2026',
    });
    expect(config.signingKey).toEqual({ pem: ed25519Pem, keyId: 'prod-2026' });
  });

  it.each([
    ['not a key', 'garbage'],
    ['an RSA key', rsaPem],
  ])('rejects %s as signing key', (_what, pem) => {
    const issue = onlyIssue(eventStoreConfigSchema.safeParse({ EVENT_STORE_SIGNING_KEY: pem }));
    expect(issue.variable).toBe('EVENT_STORE_SIGNING_KEY');
    expect(issue.message).toContain('must be an Ed25519 private key');
  });

  it('rejects a key id with spaces', () => {
    expect(eventStoreConfigSchema.safeParse({ EVENT_STORE_SIGNING_KEY_ID: 'my key' }).error?.issues[0]?.path).toEqual([
      'EVENT_STORE_SIGNING_KEY_ID',
    ]);
  });
});
