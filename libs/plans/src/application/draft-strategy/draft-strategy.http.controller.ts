import { Body, Controller, HttpCode, Post, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import { ZodValidationPipe } from '@due-regard/platform';
import { IdempotencyInterceptor } from '@due-regard/commands';
import { rolesFor } from '../../policy/plans.policy.js';
import { resourcePaths, setVersionHeaders } from '../shared/http.js';
import { DocumentCommand } from '../shared/openapi.js';
import type { CommandResult } from '../shared/command-result.js';
import { draftStrategyBody, type DraftStrategyBody } from './draft-strategy.body.js';
import { DraftStrategyCommand } from './draft-strategy.command.js';

@ApiTags('Strategies')
@Controller('api/v1/strategies')
@UseInterceptors(IdempotencyInterceptor)
export class DraftStrategyHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @CouncilAccess(...rolesFor('draftStrategy'))
  @DocumentCommand({
    summary: 'Draft a strategy',
    description: 'A new equality strategy for this council, in draft. Roles: plan-editor, council-admin.',
    body: draftStrategyBody,
    created: true,
    ifMatch: false,
    refusals: [422],
  })
  async draft(
    @Body(new ZodValidationPipe(draftStrategyBody)) body: DraftStrategyBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    const result = await this.commandBus.execute(new DraftStrategyCommand(body.title, body.period));
    setVersionHeaders(response, result.version, resourcePaths.strategy(result.id));
    return result;
  }
}
