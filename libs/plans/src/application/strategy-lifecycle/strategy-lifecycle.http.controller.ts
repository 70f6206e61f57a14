import { Body, Controller, HttpCode, Param, Post, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import { IdempotencyInterceptor } from '@due-regard/commands';
import { rolesFor } from '../../policy/plans.policy.js';
import { idParam, optionalBody, resourcePaths, setVersionHeaders } from '../shared/http.js';
import { DocumentCommand } from '../shared/openapi.js';
import type { CommandResult } from '../shared/command-result.js';
import {
  adoptStrategyBody,
  type AdoptStrategyBody,
  archiveStrategyBody,
  type ArchiveStrategyBody,
  publishStrategyBody,
  type PublishStrategyBody,
} from './strategy-lifecycle.body.js';
import { StrategyLifecycleCommand, type StrategyTransition } from './strategy-lifecycle.command.js';
import { IfMatch } from '@due-regard/platform';

@ApiTags('Strategies')
@Controller('api/v1/strategies')
@UseInterceptors(IdempotencyInterceptor)
export class StrategyLifecycleHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':strategyId/adopt')
  @HttpCode(200)
  @CouncilAccess(...rolesFor('adoptStrategy'))
  @DocumentCommand({
    path: ':strategyId/adopt',
    summary: 'Adopt a draft strategy',
    description: 'It needs at least one objective. Role: council-admin.',
    body: adoptStrategyBody,
    bodyOptional: true,
  })
  adopt(
    @Param('strategyId', idParam) strategyId: string,
    @Body(optionalBody(adoptStrategyBody)) body: AdoptStrategyBody,
    @IfMatch() ifMatch: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return this.transition(strategyId, { kind: 'adopt', on: body.adoptedOn }, ifMatch, response);
  }

  @Post(':strategyId/publish')
  @HttpCode(200)
  @CouncilAccess(...rolesFor('publishStrategy'))
  @DocumentCommand({
    path: ':strategyId/publish',
    summary: 'Publish an adopted strategy',
    description: 'Role: council-admin.',
    body: publishStrategyBody,
    bodyOptional: true,
  })
  publish(
    @Param('strategyId', idParam) strategyId: string,
    @Body(optionalBody(publishStrategyBody)) body: PublishStrategyBody,
    @IfMatch() ifMatch: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return this.transition(strategyId, { kind: 'publish', on: body.publishedOn }, ifMatch, response);
  }

  @Post(':strategyId/archive')
  @HttpCode(200)
  @CouncilAccess(...rolesFor('archiveStrategy'))
  @DocumentCommand({
    path: ':strategyId/archive',
    summary: 'Archive a strategy',
    description: 'An archived strategy takes no more changes, and no new plans. Role: council-admin.',
    body: archiveStrategyBody,
    bodyOptional: true,
  })
  archive(
    @Param('strategyId', idParam) strategyId: string,
    @Body(optionalBody(archiveStrategyBody)) body: ArchiveStrategyBody,
    @IfMatch() ifMatch: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return this.transition(
      strategyId,
      { kind: 'archive', on: body.archivedOn, reason: body.reason ?? null },
      ifMatch,
      response,
    );
  }

  private async transition(
    strategyId: string,
    transition: StrategyTransition,
    ifMatch: number | undefined,
    response: Response,
  ): Promise<CommandResult> {
    const result = await this.commandBus.execute(new StrategyLifecycleCommand(strategyId, transition, ifMatch));
    setVersionHeaders(response, result.version, resourcePaths.strategy(strategyId));
    return result;
  }
}
