import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { RequestContext } from '../context/request-context.js';
import { AccessTokenVerifier } from '../tokens/access-token-verifier.js';
import { KeycloakConnectAccessTokenVerifier } from '../tokens/keycloak-connect.access-token-verifier.js';
import { AccessDeclarationCheck } from './access-declaration.check.js';
import { AccessGuard } from './access.guard.js';
import { IDENTITY_OPTIONS, type IdentityOptions } from './identity.options.js';
import { TenancyMiddleware } from './tenancy.middleware.js';

/**
 * Tenancy and access for every HTTP route: the request context from the Host, bearer tokens
 * verified through keycloak-connect, each route's declared roles enforced. A global module that
 * knows the councils provides the TenantRegistry.
 */
@Module({})
export class IdentityModule implements NestModule {
  static forRoot(options: IdentityOptions): DynamicModule {
    return {
      module: IdentityModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: IDENTITY_OPTIONS, useValue: options },
        RequestContext,
        {
          provide: AccessTokenVerifier,
          useFactory: () =>
            new KeycloakConnectAccessTokenVerifier({
              authServerUrl: options.authServerUrl,
              realm: options.realm,
              audience: options.apiClientId,
              clients: options.acceptedClients,
            }),
        },
        { provide: APP_GUARD, useClass: AccessGuard },
        AccessDeclarationCheck,
      ],
      exports: [RequestContext, AccessTokenVerifier, IDENTITY_OPTIONS],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(TenancyMiddleware).forRoutes('{*path}');
  }
}
