import { Body, Controller, HttpCode, Param, Post, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { IdempotencyInterceptor } from '@due-regard/commands';
import { ApiBody, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { ForumAccess } from '@due-regard/identity';
import { ZodValidationPipe } from '@due-regard/platform';
import { forumRolesFor } from '../../policy/forums.policy.js';
import { forumParam } from '../shared/forum-param.js';
import { inviteCouncilBody, type InviteCouncilBody } from './invite-council.body.js';
import { InviteCouncilCommand } from './invite-council.command.js';
import type { CouncilInvitation } from './invite-council.view.js';

@ApiTags('Forums')
@Controller('api/v1/forums/:forum/invitations')
@UseInterceptors(IdempotencyInterceptor)
export class InviteCouncilHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ForumAccess(...forumRolesFor('inviteCouncil'))
  @ApiBody({ schema: z.toJSONSchema(inviteCouncilBody, { target: 'openapi-3.0' }) as object })
  @ApiCreatedResponse({ description: 'The council is invited; its council-admin accepts with a scope, or declines.' })
  async invite(
    @Param('forum', forumParam) forum: string,
    @Body(new ZodValidationPipe(inviteCouncilBody)) body: InviteCouncilBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CouncilInvitation> {
    const result = await this.commandBus.execute(new InviteCouncilCommand(forum, body.council));
    response.setHeader('ETag', `"${result.version}"`);
    return { forum, council: body.council, status: 'invited', version: result.version };
  }
}
