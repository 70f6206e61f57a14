import { Body, Controller, HttpCode, Post, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { CouncilAccess } from '@due-regard/identity';
import { ZodValidationPipe } from '@due-regard/platform';
import { IdempotencyInterceptor } from '@due-regard/commands';
import { rolesFor } from '../../policy/plans.policy.js';
import { resourcePaths, setVersionHeaders } from '../shared/http.js';
import { DocumentCommand } from '../shared/openapi.js';
import type { CommandResult } from '../shared/command-result.js';
import { periodSchema, titleText } from '../shared/schemas.js';
import { DraftStrategyCommand } from './draft-strategy.command.js';

export const draftStrategyBody = z.strictObject({
  title: titleText('Enter the title of the strategy').describe('e.g. "Equality Strategy 2024-2028"'),
  period: periodSchema,
});

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
    @Body(new ZodValidationPipe(draftStrategyBody)) body: z.output<typeof draftStrategyBody>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    const result = await this.commandBus.execute(new DraftStrategyCommand(body.title, body.period));
    setVersionHeaders(response, result.version, resourcePaths.strategy(result.id));
    return result;
  }
}
