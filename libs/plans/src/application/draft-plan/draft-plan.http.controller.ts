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
import { draftPlanBody, type DraftPlanBody } from './draft-plan.body.js';
import { DraftPlanCommand } from './draft-plan.command.js';
import { planDraftedSchema, type PlanDraftedResult } from './draft-plan.view.js';

@ApiTags('Action plans')
@Controller('api/v1/plans')
@UseInterceptors(IdempotencyInterceptor)
export class DraftPlanHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @CouncilAccess(...rolesFor('draftPlan'))
  @DocumentCommand({
    summary: 'Draft an action plan under a strategy',
    description: 'Roles: plan-editor, council-admin.',
    body: draftPlanBody,
    created: true,
    ifMatch: false,
    result: planDraftedSchema,
    refusals: [422],
  })
  async draft(
    @Body(new ZodValidationPipe(draftPlanBody)) body: DraftPlanBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PlanDraftedResult> {
    const result = await this.commandBus.execute(new DraftPlanCommand(body.strategyId, body.title, body.period));
    setVersionHeaders(response, result.version, resourcePaths.plan(result.id));
    return result;
  }
}
