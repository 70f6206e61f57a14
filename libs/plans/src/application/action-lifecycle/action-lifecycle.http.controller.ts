import { Body, Controller, HttpCode, Param, Post, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import { IfMatch, ZodValidationPipe } from '@due-regard/platform';
import { IdempotencyInterceptor } from '@due-regard/commands';
import { rolesFor } from '../../policy/plans.policy.js';
import { actionChangedSchema, type ActionChangedResult } from '../shared/command-result.js';
import { idParam, optionalBody, resourcePaths, setVersionHeaders } from '../shared/http.js';
import { DocumentCommand } from '../shared/openapi.js';
import {
  cancelActionBody,
  type CancelActionBody,
  completeActionBody,
  type CompleteActionBody,
  deferActionBody,
  type DeferActionBody,
} from './action-lifecycle.body.js';
import { ActionLifecycleCommand, type ActionTransition } from './action-lifecycle.command.js';

const REPORTERS = 'Roles: plan-editor, council-admin; action-lead on the actions one of their teams leads.';

@ApiTags('Actions')
@Controller('api/v1/plans')
@UseInterceptors(IdempotencyInterceptor)
export class ActionLifecycleHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':planId/actions/:actionId/complete')
  @HttpCode(200)
  @CouncilAccess(...rolesFor('completeAction'))
  @DocumentCommand({
    path: ':planId/actions/:actionId/complete',
    summary: 'Mark an action completed',
    description: REPORTERS,
    body: completeActionBody,
    bodyOptional: true,
    result: actionChangedSchema,
  })
  complete(
    @Param('planId', idParam) planId: string,
    @Param('actionId', idParam) actionId: string,
    @Body(optionalBody(completeActionBody)) body: CompleteActionBody,
    @IfMatch() ifMatch: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ActionChangedResult> {
    return this.transition(
      planId,
      actionId,
      { kind: 'complete', on: body.completedOn, narrative: body.narrative ?? null },
      ifMatch,
      response,
    );
  }

  @Post(':planId/actions/:actionId/defer')
  @HttpCode(200)
  @CouncilAccess(...rolesFor('deferAction'))
  @DocumentCommand({
    path: ':planId/actions/:actionId/defer',
    summary: 'Defer an action',
    description: REPORTERS,
    body: deferActionBody,
    result: actionChangedSchema,
  })
  defer(
    @Param('planId', idParam) planId: string,
    @Param('actionId', idParam) actionId: string,
    @Body(new ZodValidationPipe(deferActionBody)) body: DeferActionBody,
    @IfMatch() ifMatch: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ActionChangedResult> {
    return this.transition(
      planId,
      actionId,
      { kind: 'defer', on: body.deferredOn, reason: body.reason },
      ifMatch,
      response,
    );
  }

  @Post(':planId/actions/:actionId/cancel')
  @HttpCode(200)
  @CouncilAccess(...rolesFor('cancelAction'))
  @DocumentCommand({
    path: ':planId/actions/:actionId/cancel',
    summary: 'Cancel an action',
    description: 'It takes no more changes; its record stays. Roles: plan-editor, council-admin.',
    body: cancelActionBody,
    result: actionChangedSchema,
  })
  cancel(
    @Param('planId', idParam) planId: string,
    @Param('actionId', idParam) actionId: string,
    @Body(new ZodValidationPipe(cancelActionBody)) body: CancelActionBody,
    @IfMatch() ifMatch: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ActionChangedResult> {
    return this.transition(
      planId,
      actionId,
      { kind: 'cancel', on: body.cancelledOn, reason: body.reason },
      ifMatch,
      response,
    );
  }

  private async transition(
    planId: string,
    actionId: string,
    transition: ActionTransition,
    ifMatch: number | undefined,
    response: Response,
  ): Promise<ActionChangedResult> {
    const result = await this.commandBus.execute(new ActionLifecycleCommand(planId, actionId, transition, ifMatch));
    setVersionHeaders(response, result.version, resourcePaths.action(planId, actionId));
    return result;
  }
}
