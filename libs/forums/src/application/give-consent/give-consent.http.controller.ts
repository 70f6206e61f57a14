import { Body, Controller, HttpCode, Param, Put, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { IdempotencyInterceptor } from '@due-regard/commands';
import { ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { CouncilAccess } from '@due-regard/identity';
import { ZodValidationPipe } from '@due-regard/platform';
import { councilRolesFor } from '../../policy/forums.policy.js';
import { forumParam } from '../shared/forum-param.js';
import { giveConsentBody, type GiveConsentBody } from './give-consent.body.js';
import { GiveConsentCommand, type ConsentResult } from './give-consent.command.js';

@ApiTags('Forums')
@Controller('api/v1/forums/:forum/consent')
@UseInterceptors(IdempotencyInterceptor)
export class GiveConsentHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Put()
  @HttpCode(200)
  @CouncilAccess(...councilRolesFor('answerInvitation'))
  @ApiBody({ schema: z.toJSONSchema(giveConsentBody, { target: 'openapi-3.0', io: 'input' }) as object })
  @ApiOkResponse({
    description: "The council is a member of the forum and shares this scope (on the council's sub-domain).",
  })
  async consent(
    @Param('forum', forumParam) forum: string,
    @Body(new ZodValidationPipe(giveConsentBody)) body: GiveConsentBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ConsentResult> {
    const result = await this.commandBus.execute(new GiveConsentCommand(forum, body.scope));
    response.setHeader('ETag', `"${result.version}"`);
    return result;
  }
}
