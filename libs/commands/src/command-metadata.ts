import type { EventMetadata } from '@due-regard/event-store';
import type { RequestContext } from '@due-regard/identity';

/**
 * What every event a command records carries: tenant, actor, correlation and source from the
 * request's (or job's) context, never from the body; `occurredAt` from the clock. `tenantId`
 * overrides the context's tenant for logs that are not the request's council's (the registry).
 */
export function commandMetadata(context: RequestContext, occurredAt: Date, tenantId?: string): EventMetadata {
  const extra = context.metadataExtra();
  return {
    tenantId: tenantId ?? context.tenantId(),
    actorId: context.principal().subject,
    correlationId: context.correlationId(),
    causationId: null,
    occurredAt: occurredAt.toISOString(),
    source: context.source(),
    ...(extra === null ? {} : { extra }),
  };
}
