import { Controller, Get, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { Public } from '@due-regard/identity';
import type { Request, Response } from 'express';
import { EmbeddedOpenIdProvider, LOGOUT_CONFIRM_PATH, PROTOCOL_PATH } from '../embedded-openid-provider.js';
import { RequestParameters } from '../protocol/request-parameters.js';
import { BareDomainGuard } from './bare-domain.guard.js';
import { PageExceptionFilter } from './exception-filters.js';
import { sendPage } from './page-responses.js';
import { ProviderRequestContext } from './provider-request-context.js';

/** RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0), at Keycloak's path. */
@Controller()
@UseGuards(BareDomainGuard)
@UseFilters(PageExceptionFilter)
export class LogoutController {
  constructor(
    private readonly provider: EmbeddedOpenIdProvider,
    private readonly context: ProviderRequestContext,
  ) {}

  @Get(`${PROTOCOL_PATH.slice(1)}/logout`)
  @Public()
  async logout(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.respond(request, response, RequestParameters.from(request.query));
  }

  @Post(`${PROTOCOL_PATH.slice(1)}/logout`)
  @Public()
  async logoutByPost(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.respond(request, response, RequestParameters.from(request.body));
  }

  @Post(LOGOUT_CONFIRM_PATH.slice(1))
  @Public()
  async confirm(@Req() request: Request, @Res() response: Response): Promise<void> {
    const browser = this.context.browser(request);
    sendPage(
      response,
      await this.provider.confirmLogout(RequestParameters.from(request.body), browser),
      this.context,
      browser.issuer,
    );
  }

  private async respond(request: Request, response: Response, parameters: RequestParameters): Promise<void> {
    const browser = this.context.browser(request);
    sendPage(response, await this.provider.logout(parameters, browser), this.context, browser.issuer);
  }
}
