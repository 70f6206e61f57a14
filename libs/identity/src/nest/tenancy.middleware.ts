import { randomUUID } from 'node:crypto';
import { Inject, Injectable, NotFoundException, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { RequestContext } from '../context/request-context.js';
import { tenantFromHost } from '../tenancy/host.js';
import { IDENTITY_OPTIONS, type IdentityOptions } from './identity.options.js';
import { TenantRegistry } from './tenant-registry.js';

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Enters the request context for the rest of the request: the tenant from the Host sub-domain
 * (an unknown council is 404 before anything else runs), and a correlation id.
 */
@Injectable()
export class TenancyMiddleware implements NestMiddleware {
  constructor(
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
    private readonly registry: TenantRegistry,
    private readonly context: RequestContext,
  ) {}

  async use(request: Request, _response: Response, next: NextFunction): Promise<void> {
    // Hosts outside BASE_DOMAIN (a load balancer's health probe by IP) are the platform: council
    // routes there are 404, platform routes still need a platform operator.
    const tenant = tenantFromHost(request.headers.host, this.options.baseDomain) ?? { kind: 'platform' as const };
    if (tenant.kind === 'council' && !(await this.registry.isRegistered(tenant.slug))) {
      next(new NotFoundException('There is no council at this address'));
      return;
    }
    const header = request.headers['x-correlation-id'];
    const correlationId = typeof header === 'string' && CORRELATION_ID.test(header) ? header : randomUUID();
    this.context.run({ tenant, correlationId, source: 'api' }, () => next());
  }
}
