import { Body, Controller, HttpCode, Param, Put, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { IdempotencyInterceptor } from '@due-regard/commands';
import { ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { ForumAccess } from '@due-regard/identity';
import { ZodValidationPipe } from '@due-regard/platform';
import { forumRolesFor } from '../../policy/forums.policy.js';
import type { ForumChanged } from '../create-forum/create-forum.command.js';
import { forumParam } from '../shared/forum-param.js';
import { changeComparisonSettingsBody, type ChangeComparisonSettingsBody } from './change-comparison-settings.body.js';
import { ChangeComparisonSettingsCommand } from './change-comparison-settings.command.js';

@ApiTags('Forums')
@Controller('api/v1/forums/:forum/settings')
@UseInterceptors(IdempotencyInterceptor)
export class ChangeComparisonSettingsHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Put()
  @HttpCode(200)
  @ForumAccess(...forumRolesFor('changeComparisonSettings'))
  @ApiBody({ schema: z.toJSONSchema(changeComparisonSettingsBody, { target: 'openapi-3.0' }) as object })
  @ApiOkResponse({ description: "The comparison's themes and whether it names councils." })
  async change(
    @Param('forum', forumParam) forum: string,
    @Body(new ZodValidationPipe(changeComparisonSettingsBody)) body: ChangeComparisonSettingsBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ForumChanged> {
    const settings = {
      ...(body.themes === undefined ? {} : { themes: body.themes }),
      ...(body.showNames === undefined ? {} : { showNames: body.showNames }),
    };
    const result = await this.commandBus.execute(new ChangeComparisonSettingsCommand(forum, settings));
    response.setHeader('ETag', `"${result.version}"`);
    return result;
  }
}
