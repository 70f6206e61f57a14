import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CouncilAccess, RequestContext } from '@due-regard/identity';
import { ZodValidationPipe } from '@due-regard/platform';
import { CouncilDueSettings } from '../../application/shared/council-due-settings.js';
import { personOf } from '../../application/shared/teams.js';
import { rolesFor } from '../../policy/plans.policy.js';
import { ReadYourWritesInterceptor } from '../freshness/read-your-writes.interceptor.js';
import { PlansReadQueries } from '../queries/plans-read-queries.js';
import { openApi } from '../queries/read-model-dtos.js';
import { dueActionsSchema, dueWithin, inDueOrder, ledBy, type DueActionsDto } from '../queries/whats-due.js';

const withinQuery = new ZodValidationPipe(
  z.coerce
    .number({ error: 'Give a number of days, such as 90' })
    .int('Give a whole number of days')
    .min(0, 'Give 0 to 3660 days')
    .max(3660, 'Give 0 to 3660 days')
    .default(90),
);

/**
 * What is due: every action of the council's published plans with its next due date and whether
 * its lead owes an update in the council's update cycle; and the signed-in lead's own.
 */
@ApiTags('Actions')
@Controller('api/v1')
@UseInterceptors(ReadYourWritesInterceptor)
export class ActionsDueHttpController {
  constructor(
    private readonly queries: PlansReadQueries,
    private readonly settings: CouncilDueSettings,
    private readonly context: RequestContext,
  ) {}

  @Get('actions/next-due')
  @CouncilAccess(...rolesFor('readPlans'))
  @ApiQuery({ name: 'within', required: false, description: 'Days ahead (default 90)', schema: { type: 'integer' } })
  @ApiOkResponse({
    description:
      "Actions due within the days given, overdue, or owing a progress update, in due order: `nextDue` from the schedule (recurring and ongoing work included), `updateDue` from the council's update cycle.",
    schema: openApi(dueActionsSchema),
  })
  async nextDue(@Query('within', withinQuery) within: number): Promise<DueActionsDto> {
    const { today, actions } = await this.queries.dueActions(await this.settings.calendar(this.context.councilSlug()));
    return { asOf: today, actions: dueWithin(actions, today, within) };
  }

  @Get('me/actions')
  @CouncilAccess(...rolesFor('readPlans'))
  @ApiOkResponse({
    description:
      "The actions the signed-in person's teams lead, in due order, with what is due and what needs an update.",
    schema: openApi(dueActionsSchema),
  })
  async mine(): Promise<DueActionsDto> {
    const council = this.context.councilSlug();
    const { teams } = personOf(this.context.principal(), council);
    const { today, actions } = await this.queries.dueActions(await this.settings.calendar(council));
    return { asOf: today, actions: inDueOrder(ledBy(actions, teams)) };
  }
}
