import { Controller, Get, Header, HttpCode, Post, Req, UseFilters, UseGuards } from '@nestjs/common';
import { Public } from '@due-regard/identity';
import type { Request } from 'express';
import { EmbeddedOpenIdProvider, PROTOCOL_PATH } from '../embedded-openid-provider.js';
import type { UserInfoClaims } from '../protocol/claims.js';
import { BareDomainGuard } from './bare-domain.guard.js';
import { OAuthJsonExceptionFilter } from './exception-filters.js';
import { ProviderRequestContext } from './provider-request-context.js';

@Controller(PROTOCOL_PATH.slice(1))
@UseGuards(BareDomainGuard)
@UseFilters(OAuthJsonExceptionFilter)
export class UserInfoController {
  constructor(
    private readonly provider: EmbeddedOpenIdProvider,
    private readonly context: ProviderRequestContext,
  ) {}

  @Get('userinfo')
  @Public()
  @Header('Cache-Control', 'no-store')
  userInfo(@Req() request: Request): Promise<UserInfoClaims> {
    return this.provider.userInfo(request.get('authorization'), this.context.issuer(request));
  }

  @Post('userinfo')
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  userInfoByPost(@Req() request: Request): Promise<UserInfoClaims> {
    return this.provider.userInfo(request.get('authorization'), this.context.issuer(request));
  }
}
