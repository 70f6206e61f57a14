import { Controller, Header, HttpCode, Post, Req, UseFilters, UseGuards } from '@nestjs/common';
import { Public } from '@due-regard/identity';
import type { Request } from 'express';
import {
  EmbeddedOpenIdProvider,
  PROTOCOL_PATH,
  type IntrospectionResponse,
  type TokenResponse,
} from '../embedded-openid-provider.js';
import { RequestParameters } from '../protocol/request-parameters.js';
import { BareDomainGuard } from './bare-domain.guard.js';
import { OAuthJsonExceptionFilter } from './exception-filters.js';
import { ProviderRequestContext } from './provider-request-context.js';
import { ThrottlerGuard } from './throttler.js';

@Controller(PROTOCOL_PATH.slice(1))
@UseGuards(BareDomainGuard)
@UseFilters(OAuthJsonExceptionFilter)
export class TokenController {
  constructor(
    private readonly provider: EmbeddedOpenIdProvider,
    private readonly context: ProviderRequestContext,
  ) {}

  @Post('token')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Header('Pragma', 'no-cache')
  token(@Req() request: Request): Promise<TokenResponse> {
    return this.provider.token(
      RequestParameters.from(request.body),
      request.get('authorization'),
      this.context.issuer(request),
    );
  }

  @Post('token/introspect')
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  introspect(@Req() request: Request): Promise<IntrospectionResponse> {
    return this.provider.introspect(
      RequestParameters.from(request.body),
      request.get('authorization'),
      this.context.issuer(request),
    );
  }
}
