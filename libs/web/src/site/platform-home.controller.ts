import { Get, Inject, Req, Res, type Type } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CouncilDirectory } from '@due-regard/councils';
import { Public } from '@due-regard/identity';
import { SiteAddresses } from '../config/site-addresses.js';
import { WEB_OPTIONS, type WebOptions } from '../config/web-options.js';
import { PageRenderer } from '../rendering/page-renderer.js';
import { WebController } from '../web-controller.decorator.js';

/**
 * The platform's home page, `/` on the bare domain only (host routing): the councils on Due Regard,
 * each linking to its sub-domain. A council's `/` is its own home (CouncilPagesController), which
 * Express reaches when this host does not match, so both keep their own access rule.
 */
export function platformHomeController(baseDomain: string): Type {
  @WebController({ host: baseDomain })
  class PlatformHomeController {
    private readonly addresses: SiteAddresses;

    constructor(
      @Inject(WEB_OPTIONS) options: WebOptions,
      private readonly directory: CouncilDirectory,
      private readonly renderer: PageRenderer,
    ) {
      this.addresses = new SiteAddresses(options.publicUrl);
    }

    @Get()
    @Public()
    async home(@Req() request: Request, @Res() response: Response): Promise<void> {
      const councils = this.directory.list().map((council) => ({
        name: council.name,
        region: council.region,
        home: `${this.addresses.councilOrigin(council.slug)}/`,
        publishedPlans: `${this.addresses.councilOrigin(council.slug)}/public`,
      }));
      await this.renderer.render(request, response, 'site/platform-home.njk', {
        pageTitle: 'Equality action plans for councils',
        councils,
      });
    }
  }
  return PlatformHomeController;
}
