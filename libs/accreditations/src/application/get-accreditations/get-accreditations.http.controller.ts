import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { CouncilAccess } from '@due-regard/identity';
import { entityTag } from '@due-regard/platform';
import { rolesFor } from '../../policy/accreditations.policy.js';
import { schemeParam } from '../shared/scheme-param.js';
import { AccreditationsReader } from './accreditations.reader.js';
import {
  accreditationListSchema,
  accreditationViewSchema,
  type AccreditationList,
  type AccreditationView,
} from './get-accreditations.view.js';

const openApi = (schema: z.ZodType) => z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'output' }) as object;

@ApiTags('Accreditations')
@Controller('api/v1/accreditations')
export class GetAccreditationsHttpController {
  constructor(private readonly reader: AccreditationsReader) {}

  @Get()
  @CouncilAccess(...rolesFor('readAccreditations'))
  @ApiOperation({
    summary: "The council's accreditations",
    description:
      'Every scheme of the catalogue, started or not: level held, expiry, next step, commitments met out of total. Roles: every council role.',
  })
  @ApiOkResponse({ schema: openApi(accreditationListSchema) })
  list(): Promise<AccreditationList> {
    return this.reader.list();
  }

  @Get(':scheme')
  @CouncilAccess(...rolesFor('readAccreditations'))
  @ApiOperation({
    summary: "The council's journey on one scheme",
    description: "Its commitments with their evidence, its awards; ETag is the journey's version.",
  })
  @ApiOkResponse({ schema: openApi(accreditationViewSchema) })
  async one(
    @Param('scheme', schemeParam) scheme: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AccreditationView> {
    const view = await this.reader.one(scheme);
    response.setHeader('ETag', entityTag(view.version));
    return view;
  }
}
