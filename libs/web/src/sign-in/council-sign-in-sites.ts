import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CouncilDirectory } from '@due-regard/councils';
import { EVENT_STORE, type EventStore } from '@due-regard/event-store';
import { KeycloakClientRedirects } from '@due-regard/identity';
import { WEB_OPTIONS, type WebOptions } from '../config/web-options.js';
import { SiteAddresses } from '../config/site-addresses.js';

/**
 * With Keycloak, every registered council's sub-domain is a redirect URI of the web client, so a
 * council registered with `POST /api/v1/councils` signs in at once: at start and whenever events
 * are appended, the councils not yet seen are added through Keycloak's Admin REST API (the web
 * client's service account, with realm-management `manage-clients`). A refusal is logged and tried
 * again at the next append. The embedded provider needs none of this: it accepts registered
 * councils' sub-domains itself.
 */
@Injectable()
export class CouncilSignInSites implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CouncilSignInSites');
  private readonly added = new Set<string>();
  private readonly redirects: KeycloakClientRedirects | null;
  private readonly addresses: SiteAddresses;
  private running: Promise<void> | null = null;
  private unwatch: (() => void) | null = null;

  constructor(
    @Inject(WEB_OPTIONS) options: WebOptions,
    private readonly directory: CouncilDirectory,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    this.addresses = new SiteAddresses(options.publicUrl);
    this.redirects =
      options.keycloak === null
        ? null
        : new KeycloakClientRedirects(
            {
              keycloakUrl: options.keycloak.url,
              realm: options.keycloak.realm,
              clientId: options.clientId,
              clientSecret: options.clientSecret,
            },
            options.clientId,
          );
  }

  onApplicationBootstrap(): void {
    if (this.redirects === null) return;
    void this.addNewCouncils();
    this.unwatch = this.store.watchAppends(() => void this.addNewCouncils());
  }

  onApplicationShutdown(): void {
    this.unwatch?.();
  }

  /** Single-flight: appends that come while it runs are covered by the next run. */
  private addNewCouncils(): Promise<void> {
    this.running ??= this.addEach().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async addEach(): Promise<void> {
    if (this.redirects === null) return;
    await this.directory.catchUp();
    for (const council of this.directory.list()) {
      if (this.added.has(council.slug)) continue;
      try {
        if (await this.redirects.addOrigin(this.addresses.councilOrigin(council.slug))) {
          this.logger.log(`${council.slug} may now sign in: its sub-domain is a redirect URI of the web client`);
        }
        this.added.add(council.slug);
      } catch (error) {
        this.logger.warn(
          `Could not add ${council.slug}'s sub-domain to the web client in Keycloak: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
}
