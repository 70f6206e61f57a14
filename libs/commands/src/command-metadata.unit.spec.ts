import { NoRequestContextError, RequestContext, SYSTEM_PRINCIPAL } from '@due-regard/identity';
import { commandMetadata } from './command-metadata.js';

describe('the metadata of what a command records', () => {
  const context = new RequestContext();
  const at = new Date('2026-11-23T09:00:00Z');

  it('cannot be made outside a request or job', () => {
    expect(() => commandMetadata(context, at)).toThrow(NoRequestContextError);
  });

  it('carries tenant, actor, correlation and source from the context, and the time from the clock', async () => {
    const metadata = await context.run(
      { tenant: { kind: 'council', slug: 'charnwood' }, correlationId: 'req-1', source: 'api' },
      async () => {
        await Promise.resolve();
        context.signIn({ ...SYSTEM_PRINCIPAL, subject: 'user-42' }, 'api');
        return commandMetadata(context, at);
      },
    );
    expect(metadata).toEqual({
      tenantId: 'charnwood',
      actorId: 'user-42',
      correlationId: 'req-1',
      causationId: null,
      occurredAt: '2026-11-23T09:00:00.000Z',
      source: 'api',
    });
  });

  it('records changes by someone signed in to the web pages as made through the web', () => {
    const metadata = context.run(
      { tenant: { kind: 'council', slug: 'charnwood' }, correlationId: 'req-2', source: 'api' },
      () => {
        context.signIn({ ...SYSTEM_PRINCIPAL, subject: 'user-42' }, 'ui');
        return commandMetadata(context, at);
      },
    );
    expect(metadata).toMatchObject({ actorId: 'user-42', source: 'ui' });
  });

  it('keeps extra metadata, such as an imported document, and writes to another log when told', () => {
    const metadata = context.run(
      {
        tenant: { kind: 'council', slug: 'charnwood' },
        correlationId: 'import-1',
        source: 'import',
        principal: SYSTEM_PRINCIPAL,
        metadataExtra: { documentName: 'plan.docx', documentSha256: 'ab'.repeat(32) },
      },
      () => commandMetadata(context, at, 'platform'),
    );
    expect(metadata).toMatchObject({ tenantId: 'platform', source: 'import', extra: { documentName: 'plan.docx' } });
  });

  it('is refused for nobody', () => {
    context.run({ tenant: { kind: 'platform' }, correlationId: 'x', source: 'job' }, () => {
      expect(() => commandMetadata(context, at)).toThrow('Nobody is signed in');
    });
  });
});
