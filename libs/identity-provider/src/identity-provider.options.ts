import { resolve } from 'node:path';
import type { CouncilSites } from './protocol/council-redirects.js';
import type { ProviderStateStore } from './state/provider-state.js';

/** What the issuer base URL may depend on: the request as the provider received it. */
export interface IssuerRequest {
  /** `http` or `https`, as Express reports it (honouring `trust proxy`). */
  readonly protocol: string;
  /** The Host header, with its port. */
  readonly host: string;
}

export interface IdentityProviderRateLimit {
  /** Requests allowed per client IP address and endpoint within `ttlMs`. */
  readonly limit: number;
  readonly ttlMs: number;
}

export interface IdentityProviderOptions {
  /** The Keycloak realm export to serve. Default `infra/keycloak/due-regard-realm.json`, from the working directory. */
  readonly realmFile?: string;
  /** Where the signing keys are kept across restarts. Default `.data/identity`, from the working directory. */
  readonly dataDirectory?: string;
  /**
   * Keycloak's server URL as clients see it (no `/realms/...`): tokens are issued by
   * `<issuerBaseUrl>/realms/due-regard`. A fixed URL, or computed from each request. Default `http://localhost:3000`.
   */
  readonly issuerBaseUrl?: string | ((request: IssuerRequest) => string);
  /** The bare domain the provider answers on; any other host (a council's sub-domain) gets 404. Default `localhost`. */
  readonly baseDomain?: string;
  /** Applies separately to the token endpoint and to the sign-in form. Default 20 a minute. */
  readonly rateLimit?: IdentityProviderRateLimit;
  /** Default `process.env.NODE_ENV`; `production` stops start-up. */
  readonly nodeEnv?: string;
  /** Default: in memory (see ProviderStateStore). */
  readonly stateStore?: ProviderStateStore;
  /**
   * Redirect URIs on every registered council's sub-domain at this public URL, for these clients
   * (the TenantRegistry says which councils are registered). Default: only the realm's own URIs.
   */
  readonly councilSites?: CouncilSites;
}

export interface ResolvedIdentityProviderOptions {
  readonly realmFile: string;
  readonly dataDirectory: string;
  readonly issuerBaseUrl: (request: IssuerRequest) => string;
  readonly baseDomain: string;
  readonly rateLimit: IdentityProviderRateLimit;
  readonly stateStore: ProviderStateStore | undefined;
  readonly councilSites: CouncilSites | undefined;
}

export const DEFAULT_REALM_FILE = 'infra/keycloak/due-regard-realm.json';
export const DEFAULT_DATA_DIRECTORY = '.data/identity';
export const DEFAULT_ISSUER_BASE_URL = 'http://localhost:3000';
export const DEFAULT_RATE_LIMIT: IdentityProviderRateLimit = { limit: 20, ttlMs: 60_000 };

export class EmbeddedIdentityProviderInProductionError extends Error {
  override readonly name = 'EmbeddedIdentityProviderInProductionError';

  constructor() {
    super(
      'The embedded identity provider is for development and tests only and does not start with NODE_ENV=production: ' +
        'set KEYCLOAK_URL to the Keycloak server that serves the due-regard realm.',
    );
  }
}

function baseUrl(value: string, origin: string): string {
  if (!URL.canParse(value))
    throw new Error(
      `Identity provider: the issuer base URL ${JSON.stringify(value)} (from ${origin}) is not an absolute URL`,
    );
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`Identity provider: the issuer base URL ${value} (from ${origin}) is neither http nor https`);
  }
  if (url.search !== '' || url.hash !== '')
    throw new Error(`Identity provider: the issuer base URL ${value} (from ${origin}) has a query or fragment`);
  return url.href.replace(/\/+$/, '');
}

/** Applies the defaults; throws EmbeddedIdentityProviderInProductionError in production. */
export function resolveIdentityProviderOptions(
  options: IdentityProviderOptions,
  environment: Readonly<Record<string, string | undefined>> = process.env,
): ResolvedIdentityProviderOptions {
  if ((options.nodeEnv ?? environment['NODE_ENV']) === 'production')
    throw new EmbeddedIdentityProviderInProductionError();
  const configured = options.issuerBaseUrl ?? DEFAULT_ISSUER_BASE_URL;
  let issuerBaseUrl: (request: IssuerRequest) => string;
  if (typeof configured === 'string') {
    const fixed = baseUrl(configured, 'the options');
    issuerBaseUrl = () => fixed;
  } else {
    issuerBaseUrl = (request) => baseUrl(configured(request), 'the request');
  }
  const rateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  if (
    !Number.isInteger(rateLimit.limit) ||
    rateLimit.limit < 1 ||
    !Number.isInteger(rateLimit.ttlMs) ||
    rateLimit.ttlMs < 1
  ) {
    throw new Error('Identity provider: rateLimit needs a positive whole limit and ttlMs');
  }
  return {
    realmFile: resolve(options.realmFile ?? DEFAULT_REALM_FILE),
    dataDirectory: resolve(options.dataDirectory ?? DEFAULT_DATA_DIRECTORY),
    issuerBaseUrl,
    baseDomain: (options.baseDomain ?? 'localhost').toLowerCase(),
    rateLimit,
    stateStore: options.stateStore,
    councilSites: options.councilSites,
  };
}
