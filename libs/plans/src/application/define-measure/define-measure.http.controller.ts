import { Body, Controller, HttpCode, Post, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import { ZodValidationPipe } from '@due-regard/platform';
import { IdempotencyInterceptor } from '@due-regard/commands';
import { rolesFor } from '../../policy/plans.policy.js';
import { writeResultSchema, type CommandResult } from '../shared/command-result.js';
import { resourcePaths, setVersionHeaders } from '../shared/http.js';
import { DocumentCommand } from '../shared/openapi.js';
import { defineMeasureBody, type DefineMeasureBody } from './define-measure.body.js';
import { DefineMeasureCommand } from './define-measure.command.js';

@ApiTags('Measures')
@Controller('api/v1/measures')
@UseInterceptors(IdempotencyInterceptor)
export class DefineMeasureHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @CouncilAccess(...rolesFor('defineMeasure'))
  @DocumentCommand({
    summary: 'Define a measure (KPI) on an action or an objective',
    description:
      'Unit (percent, count, money, text), direction (increase, decrease, reach, maintain), an optional baseline and a target: a threshold ("over 90%" is more-than 90) or a direction only ("reduction"). Roles: plan-editor, council-admin.',
    body: defineMeasureBody,
    ifMatch: false,
    created: true,
    result: writeResultSchema,
  })
  async define(
    @Body(new ZodValidationPipe(defineMeasureBody)) body: DefineMeasureBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    const result = await this.commandBus.execute(
      new DefineMeasureCommand({
        subject: body.subject,
        title: body.title,
        unit: body.unit,
        direction: body.direction,
        baseline: body.baseline == null ? null : { value: body.baseline.value, asOf: body.baseline.on ?? null },
        target: body.target,
      }),
    );
    setVersionHeaders(response, result.version, resourcePaths.measure(result.id));
    return result;
  }
}
