import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config.js';
import { httpMetricsMiddleware } from '../metrics/http-metrics.middleware.js';
import { Metrics } from '../metrics/metrics.js';

export const API_DOCS_PATH = 'api/docs';
export const API_DOCS_JSON_PATH = 'api/docs-json';

/** Request metrics, security headers and the OpenAPI document (UI at /api/docs, JSON at /api/docs-json). */
export function configureHttpApplication(app: INestApplication, config: AppConfig): void {
  app.use(httpMetricsMiddleware(app.get(Metrics)));
  app.use(
    helmet({
      contentSecurityPolicy: {
        // Over plain http (a laptop) upgrading every sub-resource to https would break the pages.
        directives: { upgradeInsecureRequests: config.production ? [] : null },
      },
    }),
  );

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Due Regard API')
      .setDescription(
        'Equality strategies and action plans for councils under the Public Sector Equality Duty. Errors are RFC 9457 problem details (application/problem+json).',
      )
      .setVersion('v1')
      .build(),
  );
  SwaggerModule.setup(API_DOCS_PATH, app, document, {
    jsonDocumentUrl: API_DOCS_JSON_PATH,
    yamlDocumentUrl: 'api/docs-yaml',
  });
}
