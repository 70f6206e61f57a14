import { AsyncLocalStorage } from 'node:async_hooks';
import type { JsonObject } from '@due-regard/shared-kernel';
import type { Principal } from '../tokens/principal.js';

/** What a request or job came through; events record it as their source. */
export type RequestSource = 'ui' | 'api' | 'import' | 'job' | 'system';

export type Tenant = { readonly kind: 'council'; readonly slug: string } | { readonly kind: 'platform' };

interface ContextState {
  readonly tenant: Tenant;
  readonly correlationId: string;
  /** Until someone signs in, what the request came through as entered; then how they signed in. */
  source: RequestSource;
  /** Kept with every event appended in this context, e.g. an imported document's SHA-256. */
  readonly metadataExtra: JsonObject | null;
  principal: Principal | null;
  /** The request's Idempotency-Key once claimed, with the request's fingerprint. */
  idempotency: RequestIdempotency | null;
}

export interface RequestIdempotency {
  readonly key: string;
  /** Method, path and body hash: what makes a repeat a repeat. */
  readonly fingerprint: string;
}

export class NoRequestContextError extends Error {
  override readonly name = 'NoRequestContextError';
}

const storage = new AsyncLocalStorage<ContextState>();

/**
 * Who is acting, for which tenant, in this request or job. Entered with `run()`; every getter
 * throws when there is none, so nothing can silently act without a tenant.
 */
export class RequestContext {
  run<T>(
    entry: {
      tenant: Tenant;
      correlationId: string;
      source: RequestSource;
      principal?: Principal | null;
      metadataExtra?: JsonObject | null;
    },
    work: () => T,
  ): T {
    return storage.run(
      { ...entry, principal: entry.principal ?? null, metadataExtra: entry.metadataExtra ?? null, idempotency: null },
      work,
    );
  }

  isActive(): boolean {
    return storage.getStore() !== undefined;
  }

  tenant(): Tenant {
    return this.state().tenant;
  }

  /** The council of the current sub-domain; throws on the bare domain. */
  councilSlug(): string {
    const tenant = this.tenant();
    if (tenant.kind !== 'council') throw new NoRequestContextError('This request is not for a council');
    return tenant.slug;
  }

  correlationId(): string {
    return this.state().correlationId;
  }

  principal(): Principal {
    const principal = this.state().principal;
    if (!principal) throw new NoRequestContextError('Nobody is signed in for this request');
    return principal;
  }

  /**
   * Set once, by the access guard, after it verified who is acting and how they signed in: a bearer
   * token is the API, a web session the web pages. Events record that as their source.
   */
  signIn(principal: Principal, through: 'api' | 'ui'): void {
    const state = this.state();
    state.principal = principal;
    state.source = through;
  }

  /** Set by the idempotency interceptor once it claimed the request's Idempotency-Key. */
  useIdempotencyKey(idempotency: RequestIdempotency): void {
    this.state().idempotency = idempotency;
  }

  /** The claimed Idempotency-Key of this request; null when it has none. */
  idempotency(): RequestIdempotency | null {
    return storage.getStore()?.idempotency ?? null;
  }

  /** The council slug, or `platform` outside any council: whose log this context writes to. */
  tenantId(): string {
    const tenant = this.tenant();
    return tenant.kind === 'council' ? tenant.slug : 'platform';
  }

  source(): RequestSource {
    return this.state().source;
  }

  /** Kept with every event recorded in this context (e.g. an imported document's SHA-256); null when none. */
  metadataExtra(): JsonObject | null {
    return this.state().metadataExtra;
  }

  private state(): ContextState {
    const state = storage.getStore();
    if (!state) throw new NoRequestContextError('No request context: enter one with RequestContext.run()');
    return state;
  }
}
