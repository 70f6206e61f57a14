import { NotificationsModule } from '@due-regard/notifications';
import { RemindersModule } from '@due-regard/reminders';
import { Module, type DynamicModule } from '@nestjs/common';
import { AccreditationsModule } from '@due-regard/accreditations';
import { AuditModule } from '@due-regard/audit';
import { CouncilsModule } from '@due-regard/councils';
import { ForumsModule } from '@due-regard/forums';
import { IdentityModule } from '@due-regard/identity';
import { IdentityProviderModule } from '@due-regard/identity-provider';
import { HealthModule, HttpPlatformModule, MetricsModule, type AppConfig } from '@due-regard/platform';
import { WebModule } from '@due-regard/web';
import { PlansReadModule, PlansWriteModule } from '@due-regard/plans';
import { PlanImportModule } from '@due-regard/plan-import-app';
import { ReportsModule } from '@due-regard/reports';

/** The HTTP side: health, OpenAPI, identity and tenancy, and the JSON API (/api/v1). */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        HttpPlatformModule,
        HealthModule,
        MetricsModule,
        IdentityModule.forRoot({
          baseDomain: config.http.baseDomain,
          authServerUrl: config.identity.authServerUrl,
          realm: config.identity.realm,
          apiClientId: 'due-regard-api',
          acceptedClients: ['due-regard-web', 'due-regard-cli'],
        }),
        CouncilsModule.forRoot({ enabled: config.identity.demoData }),
        // Without Keycloak the app serves a Keycloak-compatible provider itself, on the bare domain.
        ...(config.identity.keycloakUrl === null
          ? [
              IdentityProviderModule.forRoot({
                issuerBaseUrl: config.identity.publicUrl,
                baseDomain: config.http.baseDomain,
                nodeEnv: config.http.nodeEnv,
                // Every registered council signs in on its own sub-domain, at any PORT.
                councilSites: { publicUrl: config.identity.publicUrl, clients: ['due-regard-web'] },
              }),
            ]
          : []),
        WebModule.forRoot(config),
        PlansReadModule,
        PlansWriteModule,
        PlanImportModule,
        AccreditationsModule,
        NotificationsModule,
        ForumsModule.forRoot({ enabled: config.identity.demoData }),
        AuditModule,
        ReportsModule,
        RemindersModule,
      ],
    };
  }
}
