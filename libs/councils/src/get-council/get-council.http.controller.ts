import { Controller, Get, NotFoundException, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { COUNCIL_ROLES, CouncilAccess, RequestContext } from '@due-regard/identity';
import { CouncilDirectory } from '../directory/council-directory.js';

@ApiTags('Councils')
@Controller('api/v1/council')
export class GetCouncilHttpController {
  constructor(
    private readonly directory: CouncilDirectory,
    private readonly context: RequestContext,
  ) {}

  @Get()
  @CouncilAccess(...COUNCIL_ROLES)
  @ApiOkResponse({ description: 'The council of this sub-domain.' })
  async get(
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ slug: string; name: string; type: string; nation: string; region: string }> {
    const council = await this.directory.find(this.context.councilSlug());
    if (!council) throw new NotFoundException();
    response.setHeader('ETag', `"${council.version}"`);
    return {
      slug: council.slug,
      name: council.name,
      type: council.councilType,
      nation: council.nation,
      region: council.region,
    };
  }
}
