import { createHash } from 'node:crypto';
import { Controller, Get, Headers, HttpCode, Inject, NotFoundException, Param, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { EVENT_STORE, type EventStore } from '@due-regard/event-store';
import { CouncilAccess, RequestContext } from '@due-regard/identity';
import { ZodValidationPipe } from '@due-regard/platform';
import { rolesFor } from '../../policy/plans.policy.js';
import { PROJECTED_EVENT_TYPES } from '../projection/council-read-model.js';
import { idempotencyKey, jobIdParam } from '../http/read-model-params.js';
import { openApi } from '../queries/read-model-dtos.js';
import { RebuildJobs } from './projections-queue.js';
import { rebuildJobSchema, type RebuildJobView } from './rebuild.view.js';

@ApiTags('Projections')
@ApiBadRequestResponse({ description: 'A parameter is not valid: problem details naming it.' })
@ApiUnauthorizedResponse({ description: 'No valid access token (problem details).' })
@ApiForbiddenResponse({ description: 'Not a role of this council allowed here (problem details).' })
@Controller('api/v1/projections/rebuild')
export class RebuildHttpController {
  constructor(
    private readonly jobs: RebuildJobs,
    private readonly context: RequestContext,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /**
   * The job id is the council and either the client's Idempotency-Key or the id of the council's
   * newest event: asking again before anything changed answers the same job (BullMQ adds nothing
   * for an id it holds).
   */
  @Post()
  @HttpCode(202)
  @CouncilAccess(...rolesFor('rebuildProjections'))
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat it to get the same job back' })
  @ApiAcceptedResponse({
    description: "A job rebuilding this council's plans read models from its events; poll its Location.",
    schema: openApi(rebuildJobSchema),
  })
  async rebuild(
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RebuildJobView> {
    const tenant = this.context.councilSlug();
    let suffix: string;
    if (key !== undefined) {
      const valid = new ZodValidationPipe(idempotencyKey).transform(key, { type: 'custom', data: 'Idempotency-Key' });
      suffix = `key-${createHash('sha256').update(valid).digest('hex').slice(0, 32)}`;
    } else {
      const head = await this.store.newestEvent({ tenantId: tenant, eventTypes: PROJECTED_EVENT_TYPES });
      suffix = head ? `after-${head.eventId}` : 'empty';
    }
    const job = await this.jobs.submit(`plans-read-model.${tenant}.${suffix}`, {
      tenant,
      requestedBy: this.context.principal().subject,
      correlationId: this.context.correlationId(),
    });
    response.setHeader('Location', `/api/v1/projections/rebuild/${job.jobId}`);
    return job;
  }

  @Get(':jobId')
  @CouncilAccess(...rolesFor('rebuildProjections'))
  @ApiParam({ name: 'jobId', schema: { type: 'string' } })
  @ApiOkResponse({
    description: 'The state and progress of a rebuild job of this council.',
    schema: openApi(rebuildJobSchema),
  })
  @ApiNotFoundResponse({ description: 'No such job for this council (problem details).' })
  async get(@Param('jobId', new ZodValidationPipe(jobIdParam)) jobId: string): Promise<RebuildJobView> {
    const job = await this.jobs.find(jobId, this.context.councilSlug());
    if (job === null) throw new NotFoundException('There is no such rebuild job in this council');
    return job;
  }
}
