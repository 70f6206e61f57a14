import { Controller, Delete, HttpCode, Param, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { IdempotencyInterceptor } from '@due-regard/commands';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CouncilAccess } from '@due-regard/identity';
import { councilRolesFor } from '../../policy/forums.policy.js';
import type { ConsentResult } from '../give-consent/give-consent.command.js';
import { forumParam } from '../shared/forum-param.js';
import { WithdrawConsentCommand } from './withdraw-consent.command.js';

@ApiTags('Forums')
@Controller('api/v1/forums/:forum/consent')
@UseInterceptors(IdempotencyInterceptor)
export class WithdrawConsentHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Delete()
  @HttpCode(200)
  @CouncilAccess(...councilRolesFor('answerInvitation'))
  @ApiOkResponse({
    description:
      "Declines the forum's invitation, or withdraws the council's consent and leaves: its figures leave the comparison.",
  })
  withdraw(@Param('forum', forumParam) forum: string): Promise<ConsentResult> {
    return this.commandBus.execute(new WithdrawConsentCommand(forum));
  }
}
