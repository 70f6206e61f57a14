import { Controller, Get, Header, Req, UseGuards } from '@nestjs/common';
import { Public } from '@due-regard/identity';
import type { Request } from 'express';
import { EmbeddedOpenIdProvider, REALM_PATH } from '../embedded-openid-provider.js';
import { BareDomainGuard } from './bare-domain.guard.js';
import { ProviderRequestContext } from './provider-request-context.js';

@Controller(REALM_PATH.slice(1))
@UseGuards(BareDomainGuard)
export class DiscoveryController {
  constructor(
    private readonly provider: EmbeddedOpenIdProvider,
    private readonly context: ProviderRequestContext,
  ) {}

  @Get('.well-known/openid-configuration')
  @Public()
  openIdConfiguration(@Req() request: Request): Record<string, unknown> {
    return this.provider.discovery(this.context.issuer(request));
  }

  @Get('protocol/openid-connect/certs')
  @Public()
  @Header('Cache-Control', 'no-cache')
  certs(): { keys: object[] } {
    return this.provider.jwks();
  }
}
