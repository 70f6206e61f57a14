import { Body, Controller, HttpCode, Param, Post, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { IdempotencyInterceptor } from '@due-regard/commands';
import { CouncilAccess } from '@due-regard/identity';
import { entityTag, IfMatch, ZodValidationPipe } from '@due-regard/platform';
import { rolesFor } from '../../policy/accreditations.policy.js';
import { AccreditationsReader } from '../get-accreditations/accreditations.reader.js';
import { accreditationViewSchema, type AccreditationView } from '../get-accreditations/get-accreditations.view.js';
import { schemeParam } from '../shared/scheme-param.js';
import { withdrawAccreditationBody, type WithdrawAccreditationBody } from './withdraw-accreditation.body.js';
import { WithdrawAccreditationCommand } from './withdraw-accreditation.command.js';

@ApiTags('Accreditations')
@Controller('api/v1/accreditations')
@UseInterceptors(IdempotencyInterceptor)
export class WithdrawAccreditationHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly reader: AccreditationsReader,
  ) {}

  @Post(':scheme/withdrawal')
  @HttpCode(200)
  @CouncilAccess(...rolesFor('withdrawAccreditation'))
  @ApiOperation({
    summary: 'Withdraw the council from a scheme',
    description:
      'Its award ends and no renewal or lapse falls due; a later award starts it again. Roles: council-admin, plan-editor.',
  })
  @ApiBody({ schema: z.toJSONSchema(withdrawAccreditationBody, { target: 'openapi-3.0', io: 'input' }) as object })
  @ApiOkResponse({ schema: z.toJSONSchema(accreditationViewSchema, { target: 'openapi-3.0' }) as object })
  @ApiResponse({ status: 404, description: 'There is no such scheme, or the council never started on it' })
  @ApiResponse({ status: 409, description: 'The council has withdrawn already' })
  async withdraw(
    @Param('scheme', schemeParam) scheme: string,
    @Body(new ZodValidationPipe(withdrawAccreditationBody)) body: WithdrawAccreditationBody,
    @IfMatch() ifMatch: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AccreditationView> {
    await this.commandBus.execute(new WithdrawAccreditationCommand(scheme, body.withdrawnOn, body.reason, ifMatch));
    const view = await this.reader.one(scheme);
    response.setHeader('ETag', entityTag(view.version));
    return view;
  }
}
