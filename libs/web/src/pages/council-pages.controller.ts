import { Get, NotFoundException, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { COUNCIL_ROLES, CouncilAccess, councilRolesOf, Public, RequestContext } from '@due-regard/identity';
import { PageRenderer } from '../rendering/page-renderer.js';
import { WebController } from '../web-controller.decorator.js';
import { roleName, rolesInWords } from './roles.js';

/** A council's pages on its sub-domain: the signed-in home, and the public list of published plans. */
@WebController()
export class CouncilPagesController {
  constructor(
    private readonly context: RequestContext,
    private readonly renderer: PageRenderer,
  ) {}

  @Get()
  @CouncilAccess(...COUNCIL_ROLES)
  async home(@Req() request: Request, @Res() response: Response): Promise<void> {
    const principal = this.context.principal();
    const roles = councilRolesOf(principal, this.context.councilSlug());
    await this.renderer.render(request, response, 'pages/council-home.njk', {
      pageTitle: 'Home',
      displayName: principal.displayName,
      roles: roles.map(roleName),
      rolesInWords: rolesInWords(roles),
    });
  }

  @Get('public')
  @Public()
  async publishedPlans(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (this.context.tenant().kind !== 'council') throw new NotFoundException();
    await this.renderer.render(request, response, 'pages/published-plans.njk', { pageTitle: 'Published plans' });
  }
}
