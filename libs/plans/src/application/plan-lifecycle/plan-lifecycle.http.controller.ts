import { Body, Controller, HttpCode, Param, Post, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import { IfMatch, ZodValidationPipe } from '@due-regard/platform';
import { IdempotencyInterceptor } from '@due-regard/commands';
import { rolesFor } from '../../policy/plans.policy.js';
import { idParam, optionalBody, resourcePaths, setVersionHeaders } from '../shared/http.js';
import { DocumentCommand } from '../shared/openapi.js';
import type { CommandResult } from '../shared/command-result.js';
import {
  approvePlanBody,
  type ApprovePlanBody,
  closePlanBody,
  discardPlanBody,
  type DiscardPlanBody,
  type ClosePlanBody,
  publishPlanBody,
  type PublishPlanBody,
  returnPlanBody,
  type ReturnPlanBody,
  submitPlanBody,
  type SubmitPlanBody,
} from './plan-lifecycle.body.js';
import { PlanLifecycleCommand, type PlanTransition } from './plan-lifecycle.command.js';

@ApiTags('Action plans')
@Controller('api/v1/plans')
@UseInterceptors(IdempotencyInterceptor)
export class PlanLifecycleHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':planId/submit')
  @HttpCode(200)
  @CouncilAccess(...rolesFor('submitPlan'))
  @DocumentCommand({
    path: ':planId/submit',
    summary: 'Submit a draft plan for approval',
    description:
      'It needs at least one action; its actions are then locked until it is returned or published. Roles: plan-editor, council-admin.',
    body: submitPlanBody,
    bodyOptional: true,
  })
  submit(
    @Param('planId', idParam) planId: string,
    @Body(optionalBody(submitPlanBody)) _body: SubmitPlanBody,
    @IfMatch() ifMatch: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return this.transition(planId, { kind: 'submit' }, ifMatch, response);
  }

  @Post(':planId/return')
  @HttpCode(200)
  @CouncilAccess(...rolesFor('returnPlan'))
  @DocumentCommand({
    path: ':planId/return',
    summary: 'Return a submitted plan to draft',
    description: 'Role: council-admin.',
    body: returnPlanBody,
  })
  returnToDraft(
    @Param('planId', idParam) planId: string,
    @Body(new ZodValidationPipe(returnPlanBody)) body: ReturnPlanBody,
    @IfMatch() ifMatch: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return this.transition(planId, { kind: 'return', reason: body.reason }, ifMatch, response);
  }

  @Post(':planId/approve')
  @HttpCode(200)
  @CouncilAccess(...rolesFor('approvePlan'))
  @DocumentCommand({
    path: ':planId/approve',
    summary: 'Approve a submitted plan',
    description: 'Role: council-admin.',
    body: approvePlanBody,
    bodyOptional: true,
  })
  approve(
    @Param('planId', idParam) planId: string,
    @Body(optionalBody(approvePlanBody)) body: ApprovePlanBody,
    @IfMatch() ifMatch: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return this.transition(planId, { kind: 'approve', on: body.approvedOn }, ifMatch, response);
  }

  @Post(':planId/publish')
  @HttpCode(200)
  @CouncilAccess(...rolesFor('publishPlan'))
  @DocumentCommand({
    path: ':planId/publish',
    summary: 'Publish an approved plan',
    description: 'A published plan stays open for progress, due revisions and new actions. Role: council-admin.',
    body: publishPlanBody,
    bodyOptional: true,
  })
  publish(
    @Param('planId', idParam) planId: string,
    @Body(optionalBody(publishPlanBody)) body: PublishPlanBody,
    @IfMatch() ifMatch: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return this.transition(planId, { kind: 'publish', on: body.publishedOn }, ifMatch, response);
  }

  @Post(':planId/close')
  @HttpCode(200)
  @CouncilAccess(...rolesFor('closePlan'))
  @DocumentCommand({
    path: ':planId/close',
    summary: 'Close a plan',
    description: 'A closed plan and its actions take no more changes. Role: council-admin.',
    body: closePlanBody,
    bodyOptional: true,
  })
  close(
    @Param('planId', idParam) planId: string,
    @Body(optionalBody(closePlanBody)) body: ClosePlanBody,
    @IfMatch() ifMatch: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return this.transition(
      planId,
      { kind: 'close', on: body.closedOn, reason: body.reason ?? null },
      ifMatch,
      response,
    );
  }

  @Post(':planId/discard')
  @HttpCode(200)
  @CouncilAccess(...rolesFor('discardPlan'))
  @DocumentCommand({
    path: ':planId/discard',
    summary: 'Discard a draft plan',
    description:
      'A draft made by mistake (a second import of the same document) leaves every list and takes no more changes; its history stays for auditors. Only a draft. Roles: plan-editor, council-admin.',
    body: discardPlanBody,
    bodyOptional: true,
  })
  discard(
    @Param('planId', idParam) planId: string,
    @Body(optionalBody(discardPlanBody)) body: DiscardPlanBody,
    @IfMatch() ifMatch: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    return this.transition(planId, { kind: 'discard', reason: body.reason ?? null }, ifMatch, response);
  }

  private async transition(
    planId: string,
    transition: PlanTransition,
    ifMatch: number | undefined,
    response: Response,
  ): Promise<CommandResult> {
    const result = await this.commandBus.execute(new PlanLifecycleCommand(planId, transition, ifMatch));
    setVersionHeaders(response, result.version, resourcePaths.plan(planId));
    return result;
  }
}
