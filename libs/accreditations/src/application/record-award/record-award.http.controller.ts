import { Body, Controller, HttpCode, Param, Post, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { IdempotencyInterceptor } from '@due-regard/commands';
import { CouncilAccess } from '@due-regard/identity';
import { entityTag, IfMatch, ZodValidationPipe } from '@due-regard/platform';
import { rolesFor } from '../../policy/accreditations.policy.js';
import { schemeParam } from '../shared/scheme-param.js';
import { recordAwardBody, type RecordAwardBody } from './record-award.body.js';
import { RecordAwardCommand } from './record-award.command.js';
import { awardRecordedSchema, type AwardRecordedView } from './record-award.view.js';

@ApiTags('Accreditations')
@Controller('api/v1/accreditations')
@UseInterceptors(IdempotencyInterceptor)
export class RecordAwardHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':scheme/awards')
  @HttpCode(201)
  @CouncilAccess(...rolesFor('recordAward'))
  @ApiOperation({
    summary: 'Record an award made to the council',
    description:
      "Level and award date; the expiry is computed from the scheme's validity unless given. The same level again renews it; moving up restarts the period. Roles: council-admin, plan-editor.",
  })
  @ApiBody({ schema: z.toJSONSchema(recordAwardBody, { target: 'openapi-3.0', io: 'input' }) as object })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The ETag of the journey; a stale one is refused (412)',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Repeating the request with the same key answers the first response and records nothing',
  })
  @ApiCreatedResponse({
    description: 'Recorded; Location is the journey',
    schema: z.toJSONSchema(awardRecordedSchema, { target: 'openapi-3.0' }) as object,
  })
  @ApiResponse({ status: 400, description: 'A field is malformed: each named in `errors`; nothing was recorded' })
  @ApiResponse({ status: 404, description: 'There is no such scheme' })
  @ApiResponse({
    status: 422,
    description:
      'No such level, an award date in the future or before the latest award, an expiry not after the award: nothing was recorded',
  })
  async record(
    @Param('scheme', schemeParam) scheme: string,
    @Body(new ZodValidationPipe(recordAwardBody)) body: RecordAwardBody,
    @IfMatch() ifMatch: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AwardRecordedView> {
    const { award, version } = await this.commandBus.execute(
      new RecordAwardCommand(scheme, body.level, body.awardedOn, body.expiresOn, ifMatch),
    );
    response.setHeader('ETag', entityTag(version));
    response.setHeader('Location', `/api/v1/accreditations/${scheme}`);
    return { scheme, award, version };
  }
}
