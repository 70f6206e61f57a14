import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { CouncilAccess } from '@due-regard/identity';
import { entityTag, IfMatch, ZodValidationPipe } from '@due-regard/platform';
import { rolesFor } from '../../policy/accreditations.policy.js';
import { AccreditationsReader } from '../get-accreditations/accreditations.reader.js';
import { accreditationViewSchema, type AccreditationView } from '../get-accreditations/get-accreditations.view.js';
import { schemeParam } from '../shared/scheme-param.js';
import { planJourneyBody, type PlanJourneyBody } from './plan-journey.body.js';
import { PlanJourneyCommand } from './plan-journey.command.js';

@ApiTags('Accreditations')
@Controller('api/v1/accreditations')
export class PlanJourneyHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly reader: AccreditationsReader,
  ) {}

  @Put(':scheme')
  @CouncilAccess(...rolesFor('planAccreditation'))
  @ApiOperation({
    summary: "Set the council's target level and commitments on a scheme",
    description:
      'The first PUT starts the journey on the newest version of the scheme; the council keeps that version until it moves (schemeVersion). Fields left out stay as they are; a PUT of what is already recorded records nothing (PUT is idempotent). Roles: council-admin, plan-editor.',
  })
  @ApiBody({ schema: z.toJSONSchema(planJourneyBody, { target: 'openapi-3.0', io: 'input' }) as object })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The ETag of the journey; a stale one is refused (412)',
  })
  @ApiOkResponse({ schema: z.toJSONSchema(accreditationViewSchema, { target: 'openapi-3.0' }) as object })
  @ApiResponse({ status: 400, description: 'A field is malformed: each named in `errors`; nothing was recorded' })
  @ApiResponse({ status: 404, description: 'There is no such scheme' })
  @ApiResponse({
    status: 422,
    description: 'No such level, commitment, version or action (`code`, field in `errors`); nothing was recorded',
  })
  async plan(
    @Param('scheme', schemeParam) scheme: string,
    @Body(new ZodValidationPipe(planJourneyBody)) body: PlanJourneyBody,
    @IfMatch() ifMatch: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AccreditationView> {
    await this.commandBus.execute(
      new PlanJourneyCommand(
        scheme,
        {
          schemeVersion: body.schemeVersion,
          targetLevel: body.targetLevel,
          commitments: (body.commitments ?? []).map((commitment) => ({
            ref: commitment.ref,
            status: commitment.status,
            actionIds: commitment.actionIds ?? [],
            links: commitment.links ?? [],
          })),
        },
        ifMatch,
      ),
    );
    const view = await this.reader.one(scheme);
    response.setHeader('ETag', entityTag(view.version));
    return view;
  }
}
