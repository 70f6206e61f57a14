import { SYSTEM_PRINCIPAL } from '../tokens/principal.js';
import { NoRequestContextError, RequestContext } from './request-context.js';

describe('the request context', () => {
  const context = new RequestContext();

  it('throws when read outside run()', () => {
    expect(context.isActive()).toBe(false);
    expect(() => context.tenant()).toThrow(NoRequestContextError);
    expect(() => context.eventMetadata(new Date())).toThrow(NoRequestContextError);
  });

  it('carries tenant, actor and correlation into event metadata', async () => {
    const metadata = await context.run(
      { tenant: { kind: 'council', slug: 'charnwood' }, correlationId: 'req-1', source: 'api' },
      async () => {
        await Promise.resolve();
        context.signIn({ ...SYSTEM_PRINCIPAL, subject: 'user-42' }, 'api');
        return context.eventMetadata(new Date('2026-11-23T09:00:00Z'), 'cause-1');
      },
    );
    expect(metadata).toEqual({
      tenantId: 'charnwood',
      actorId: 'user-42',
      correlationId: 'req-1',
      causationId: 'cause-1',
      occurredAt: '2026-11-23T09:00:00.000Z',
      source: 'api',
    });
  });

  it('records changes by someone signed in to the web pages as made through the web', () => {
    const metadata = context.run(
      { tenant: { kind: 'council', slug: 'charnwood' }, correlationId: 'req-2', source: 'api' },
      () => {
        context.signIn({ ...SYSTEM_PRINCIPAL, subject: 'user-42' }, 'ui');
        return context.eventMetadata(new Date('2026-11-23T09:00:00Z'));
      },
    );
    expect(metadata).toMatchObject({ actorId: 'user-42', source: 'ui' });
  });

  it('keeps extra metadata, such as an imported document, with every event', () => {
    const metadata = context.run(
      {
        tenant: { kind: 'council', slug: 'charnwood' },
        correlationId: 'import-1',
        source: 'import',
        principal: SYSTEM_PRINCIPAL,
        metadataExtra: { documentName: 'plan.docx', documentSha256: 'ab'.repeat(32) },
      },
      () => context.eventMetadata(new Date('2026-11-23T09:00:00Z')),
    );
    expect(metadata).toMatchObject({ source: 'import', extra: { documentName: 'plan.docx' } });
  });

  it('refuses to make metadata for nobody, and a council slug on the platform', () => {
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
