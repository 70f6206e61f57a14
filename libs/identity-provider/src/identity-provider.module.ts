import { Logger, Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import cookieParser from 'cookie-parser';
import { TenantRegistry } from '@due-regard/identity';
import { EmbeddedOpenIdProvider } from './embedded-openid-provider.js';
import { AuthorizationController } from './http/authorization.controller.js';
import { BareDomainGuard } from './http/bare-domain.guard.js';
import { DiscoveryController } from './http/discovery.controller.js';
import { LogoutController } from './http/logout.controller.js';
import { ProviderRequestContext } from './http/provider-request-context.js';
import {
  getOptionsToken,
  getStorageToken,
  ThrottlerStorageService,
  type ThrottlerModuleOptions,
} from './http/throttler.js';
import { TokenController } from './http/token.controller.js';
import { UserInfoController } from './http/userinfo.controller.js';
import {
  resolveIdentityProviderOptions,
  type IdentityProviderOptions,
  type ResolvedIdentityProviderOptions,
} from './identity-provider.options.js';
import { IDENTITY_PROVIDER_OPTIONS, RESOLVED_IDENTITY_PROVIDER_OPTIONS } from './identity-provider.tokens.js';
import { loadOrCreateProviderKeys } from './keys/provider-keys.js';
import { CouncilRedirects } from './protocol/council-redirects.js';
import { Realm } from './realm/realm.js';
import { InMemoryProviderStateStore } from './state/provider-state.js';

/**
 * The embedded Keycloak-compatible OpenID provider, for development, tests and demos: import it
 * when KEYCLOAK_URL is not set. It serves the `due-regard` realm from the same realm export a
 * Keycloak imports, at Keycloak's paths, so the rest of the app cannot tell the two apart.
 *
 * Built on `jose` rather than `oidc-provider`: oidc-provider has no resource-owner password grant
 * (the CLI and tests need it) and its tokens do not take Keycloak's shape (`typ`, `azp`, `groups`,
 * `realm_access`, refresh tokens as JWTs) or paths.
 *
 * Codes, sessions and refresh tokens live in this process's memory (see ProviderStateStore): one
 * process, development only. It refuses to start with NODE_ENV=production.
 */
@Module({})
export class IdentityProviderModule implements NestModule {
  static forRoot(options: IdentityProviderOptions = {}): DynamicModule {
    return {
      module: IdentityProviderModule,
      controllers: [
        DiscoveryController,
        AuthorizationController,
        TokenController,
        UserInfoController,
        LogoutController,
      ],
      providers: [
        { provide: IDENTITY_PROVIDER_OPTIONS, useValue: options },
        {
          provide: RESOLVED_IDENTITY_PROVIDER_OPTIONS,
          inject: [IDENTITY_PROVIDER_OPTIONS],
          useFactory: (given: IdentityProviderOptions): ResolvedIdentityProviderOptions => {
            const resolved = resolveIdentityProviderOptions(given);
            new Logger('IdentityProvider').warn(
              `Embedded Keycloak-compatible identity provider serving realm file ${resolved.realmFile}: ` +
                'for development and tests only, never production (set KEYCLOAK_URL to use Keycloak).',
            );
            return resolved;
          },
        },
        {
          provide: EmbeddedOpenIdProvider,
          inject: [RESOLVED_IDENTITY_PROVIDER_OPTIONS, ModuleRef],
          useFactory: async (
            resolved: ResolvedIdentityProviderOptions,
            modules: ModuleRef,
          ): Promise<EmbeddedOpenIdProvider> =>
            new EmbeddedOpenIdProvider(
              Realm.fromFile(resolved.realmFile),
              await loadOrCreateProviderKeys(resolved.dataDirectory),
              resolved.stateStore ?? new InMemoryProviderStateStore(),
              Date.now,
              resolved.councilSites === undefined
                ? null
                : // Asked for when a sign-in comes: the councils module that provides it may start after this one.
                  new CouncilRedirects(resolved.councilSites, (slug) =>
                    modules.get(TenantRegistry, { strict: false }).isRegistered(slug),
                  ),
            ),
        },
        ProviderRequestContext,
        BareDomainGuard,
        // ThrottlerGuard on the token endpoint and sign-in form finds these first: this module's
        // limits, whatever global ThrottlerModule the app may also have.
        {
          provide: getOptionsToken(),
          inject: [RESOLVED_IDENTITY_PROVIDER_OPTIONS],
          useFactory: (resolved: ResolvedIdentityProviderOptions): ThrottlerModuleOptions => [
            { name: 'default', limit: resolved.rateLimit.limit, ttl: resolved.rateLimit.ttlMs },
          ],
        },
        { provide: getStorageToken(), useClass: ThrottlerStorageService },
      ],
      exports: [EmbeddedOpenIdProvider],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(cookieParser()).forRoutes(AuthorizationController, LogoutController);
  }
}
