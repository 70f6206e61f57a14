import { Controller, Get, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { Public } from '@due-regard/identity';
import type { Request, Response } from 'express';
import { EmbeddedOpenIdProvider, PROTOCOL_PATH, SIGN_IN_FORM_PATH } from '../embedded-openid-provider.js';
import { RequestParameters } from '../protocol/request-parameters.js';
import { BareDomainGuard } from './bare-domain.guard.js';
import { PageExceptionFilter } from './exception-filters.js';
import { sendPage } from './page-responses.js';
import { ProviderRequestContext } from './provider-request-context.js';
import { ThrottlerGuard } from './throttler.js';

/** The authorization endpoint and the sign-in form it shows. */
@Controller()
@UseGuards(BareDomainGuard)
@UseFilters(PageExceptionFilter)
export class AuthorizationController {
  constructor(
    private readonly provider: EmbeddedOpenIdProvider,
    private readonly context: ProviderRequestContext,
  ) {}

  @Get(`${PROTOCOL_PATH.slice(1)}/auth`)
  @Public()
  async authorize(@Req() request: Request, @Res() response: Response): Promise<void> {
    const browser = this.context.browser(request);
    const outcome = await this.provider.authorize(RequestParameters.from(request.query), browser);
    sendPage(response, outcome, this.context, browser.issuer);
  }

  @Post(SIGN_IN_FORM_PATH.slice(1))
  @Public()
  @UseGuards(ThrottlerGuard)
  async signIn(@Req() request: Request, @Res() response: Response): Promise<void> {
    const browser = this.context.browser(request);
    const outcome = await this.provider.submitSignIn(RequestParameters.from(request.body), browser);
    sendPage(response, outcome, this.context, browser.issuer);
  }
}
