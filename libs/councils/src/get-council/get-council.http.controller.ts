import { Controller, Get, NotFoundException, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CouncilAccess, RequestContext } from '@due-regard/identity';
import { entityTag } from '@due-regard/platform';
import { rolesFor } from '../policy/councils.policy.js';
import { CouncilSettingsReader } from '../settings/council-settings.reader.js';
import { councilView, type CouncilView } from './get-council.view.js';

@ApiTags('Councils')
@Controller('api/v1/council')
export class GetCouncilHttpController {
  constructor(
    private readonly councils: CouncilSettingsReader,
    private readonly context: RequestContext,
  ) {}

  @Get()
  @CouncilAccess(...rolesFor('readCouncil'))
  @ApiOkResponse({
    description:
      "The council of this sub-domain and its settings (`settings.quarterConvention`); ETag is the council's version.",
  })
  async get(@Res({ passthrough: true }) response: Response): Promise<CouncilView> {
    // From the council's own stream: a settings change is seen at once.
    const found = await this.councils.read(this.context.councilSlug());
    if (!found) throw new NotFoundException();
    response.setHeader('ETag', entityTag(found.version));
    return councilView(found);
  }
}
