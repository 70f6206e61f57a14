import { Body, Controller, Patch, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiHeader, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { CouncilAccess, RequestContext } from '@due-regard/identity';
import { entityTag, IfMatch, ZodValidationPipe } from '@due-regard/platform';
import { councilView, type CouncilView } from '../get-council/get-council.view.js';
import { rolesFor } from '../policy/councils.policy.js';
import { changeCouncilSettingsBody, type ChangeCouncilSettingsBody } from './change-council-settings.body.js';
import { ChangeCouncilSettingsCommand } from './change-council-settings.command.js';

@ApiTags('Councils')
@Controller('api/v1/council/settings')
export class ChangeCouncilSettingsHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly context: RequestContext,
  ) {}

  @Patch()
  @CouncilAccess(...rolesFor('changeCouncilSettings'))
  @ApiBody({ schema: z.toJSONSchema(changeCouncilSettingsBody, { target: 'openapi-3.0', io: 'input' }) as object })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The ETag of GET /api/v1/council ("2" or W/"2"); a stale one is refused with 412 and nothing changes.',
  })
  @ApiOkResponse({
    description:
      "The council with its settings as they now are (unchanged settings record nothing); ETag is the council's version. Role: council-admin.",
  })
  @ApiResponse({
    status: 400,
    description: 'An unknown setting or value, or none named: each field at fault in `errors`',
  })
  @ApiResponse({ status: 403, description: 'Only a council-admin of this council changes its settings' })
  @ApiResponse({ status: 412, description: "If-Match is not the council's current version: nothing changed" })
  async change(
    @Body(new ZodValidationPipe(changeCouncilSettingsBody)) body: ChangeCouncilSettingsBody,
    @IfMatch() ifMatch: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CouncilView> {
    const result = await this.commandBus.execute(
      new ChangeCouncilSettingsCommand(
        this.context.councilSlug(),
        {
          ...(body.quarterConvention === undefined ? {} : { quarterConvention: body.quarterConvention }),
          ...(body.updateCycle === undefined ? {} : { updateCycle: body.updateCycle }),
        },
        ifMatch,
      ),
    );
    response.setHeader('ETag', entityTag(result.version));
    return councilView(result);
  }
}
