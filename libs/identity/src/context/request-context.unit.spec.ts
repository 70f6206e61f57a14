import { SYSTEM_PRINCIPAL } from '../tokens/principal.js';
import { NoRequestContextError, RequestContext } from './request-context.js';

describe('the request context', () => {
  const context = new RequestContext();

  it('throws when read outside run()', () => {
    expect(context.isActive()).toBe(false);
    expect(() => context.tenant()).toThrow(NoRequestContextError);
    expect(() => context.source()).toThrow(NoRequestContextError);
    expect(context.idempotency()).toBeNull();
  });

  it('says who acts, for which tenant, through what, with what extra and which Idempotency-Key', () => {
    context.run(
      {
        tenant: { kind: 'council', slug: 'charnwood' },
        correlationId: 'req-1',
        source: 'api',
        metadataExtra: { documentName: 'plan.docx' },
      },
      () => {
        expect(context.tenantId()).toBe('charnwood');
        expect(context.source()).toBe('api');
        context.signIn({ ...SYSTEM_PRINCIPAL, subject: 'user-42' }, 'ui');
        expect(context.principal().subject).toBe('user-42');
        expect(context.source()).toBe('ui');
        expect(context.metadataExtra()).toEqual({ documentName: 'plan.docx' });
        expect(context.idempotency()).toBeNull();
        context.useIdempotencyKey({ key: 'k-1', fingerprint: 'POST /x h' });
        expect(context.idempotency()).toEqual({ key: 'k-1', fingerprint: 'POST /x h' });
      },
    );
    context.run({ tenant: { kind: 'platform' }, correlationId: 'req-2', source: 'job' }, () => {
      expect(context.tenantId()).toBe('platform');
      expect(context.metadataExtra()).toBeNull();
    });
  });

  it('refuses a principal for nobody, and a council slug on the platform', () => {
    context.run({ tenant: { kind: 'platform' }, correlationId: 'x', source: 'job' }, () => {
      expect(() => context.principal()).toThrow('Nobody is signed in');
      expect(() => context.councilSlug()).toThrow('not for a council');
    });
  });

  it('keeps concurrent requests apart', async () => {
    const seen = await Promise.all(
      ['charnwood', 'leicestershire'].map((slug) =>
        context.run({ tenant: { kind: 'council', slug }, correlationId: slug, source: 'api' }, async () => {
          await new Promise((resolve) => setTimeout(resolve, slug === 'charnwood' ? 20 : 1));
          return context.councilSlug();
        }),
      ),
    );
    expect(seen).toEqual(['charnwood', 'leicestershire']);
  });
});
