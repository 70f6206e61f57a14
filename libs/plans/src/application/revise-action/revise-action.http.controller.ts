import { Body, Controller, HttpCode, Param, Patch, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { CouncilAccess } from '@due-regard/identity';
import { ZodValidationPipe } from '@due-regard/platform';
import { rolesFor } from '../../policy/plans.policy.js';
import { characteristicsList } from '../add-action/add-action.http.controller.js';
import { IdempotencyInterceptor } from '@due-regard/commands';
import { IfMatch, idParam, resourcePaths, setVersionHeaders } from '../shared/http.js';
import { DocumentCommand } from '../shared/openapi.js';
import { leadsList, longText, successMeasuresList, titleText } from '../shared/schemas.js';
import { actionChangedSchema, type ActionChangedResult } from '../shared/command-result.js';
import { ReviseActionCommand } from './revise-action.command.js';

export const reviseActionBody = z
  .strictObject({
    title: titleText('Enter the action').max(2000),
    description: longText.nullable(),
    successMeasures: successMeasuresList,
    leads: leadsList,
    objectiveId: z.uuid("Choose one of the strategy's objectives").describe('Moves the action to this objective'),
    protectedCharacteristics: characteristicsList,
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'Say what to change' });

@ApiTags('Actions')
@Controller('api/v1/plans')
@UseInterceptors(IdempotencyInterceptor)
export class ReviseActionHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Patch(':planId/actions/:actionId')
  @HttpCode(200)
  @CouncilAccess(...rolesFor('reviseAction'))
  @DocumentCommand({
    path: ':planId/actions/:actionId',
    summary: 'Reword an action, reassign its leads, move it to another objective',
    description:
      'Only the fields sent change, all in one step or none. A completed or cancelled action keeps its words. Roles: plan-editor, council-admin.',
    body: reviseActionBody,
    result: actionChangedSchema,
  })
  async revise(
    @Param('planId', idParam) planId: string,
    @Param('actionId', idParam) actionId: string,
    @Body(new ZodValidationPipe(reviseActionBody)) body: z.output<typeof reviseActionBody>,
    @IfMatch() ifMatch: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ActionChangedResult> {
    const result = await this.commandBus.execute(new ReviseActionCommand(planId, actionId, body, ifMatch));
    setVersionHeaders(response, result.version, resourcePaths.action(planId, actionId));
    return result;
  }
}
