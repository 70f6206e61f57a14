import { tenantFromHost } from '@due-regard/identity';

/** Says whether a council sub-domain is registered (the councils module answers, through TenantRegistry). */
export type IsRegisteredCouncil = (slug: string) => Promise<boolean>;

export interface CouncilSites {
  /** PUBLIC_URL: the bare domain's origin; each council is `<slug>.<its host>`, same scheme and port. */
  readonly publicUrl: string;
  /** The clients whose redirect and post-logout URIs include every registered council's sub-domain. */
  readonly clients: readonly string[];
}

/**
 * The redirect URIs a realm export cannot list: one for each council registered since, and the
 * demo councils on any PORT. A URI passes when it is on the bare domain or on a registered council's
 * sub-domain, at exactly the public URL's scheme and port (Keycloak's `<origin>/*`), for one of the
 * configured clients. Keycloak deployments get the same URIs through its Admin REST API when a
 * council is registered (see docs/onboarding.md).
 */
export class CouncilRedirects {
  private readonly publicUrl: URL;

  constructor(
    private readonly sites: CouncilSites,
    private readonly isRegistered: IsRegisteredCouncil,
  ) {
    this.publicUrl = new URL(sites.publicUrl);
  }

  async allows(clientId: string, candidate: string): Promise<boolean> {
    if (!this.sites.clients.includes(clientId) || !URL.canParse(candidate)) return false;
    const url = new URL(candidate);
    if (url.protocol !== this.publicUrl.protocol || url.port !== this.publicUrl.port) return false;
    if (url.username !== '' || url.password !== '' || candidate.includes('#')) return false;
    const tenant = tenantFromHost(url.host, this.publicUrl.hostname);
    if (tenant === null) return false;
    return tenant.kind === 'platform' || (await this.isRegistered(tenant.slug));
  }
}
