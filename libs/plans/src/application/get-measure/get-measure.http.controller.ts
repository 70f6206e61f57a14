import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import { rolesFor } from '../../policy/plans.policy.js';
import { idParam, setVersionHeaders } from '../shared/http.js';
import { DocumentRead } from '../shared/openapi.js';
import { GetMeasureQuery } from './get-measure.query.js';
import { measureDetailSchema, type MeasureDetail } from './get-measure.view.js';

@ApiTags('Measures')
@Controller('api/v1/measures')
export class GetMeasureHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':measureId')
  @CouncilAccess(...rolesFor('readPlans'))
  @DocumentRead({
    path: ':measureId',
    summary: 'Read a measure: its target, readings, RAG and history',
    description:
      "Read from the measure's own events. `rag` is derived from the latest reading against the target. Every role in the council may read.",
    result: measureDetailSchema,
  })
  async get(
    @Param('measureId', idParam) measureId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MeasureDetail> {
    const view = await this.queryBus.execute(new GetMeasureQuery(measureId));
    setVersionHeaders(response, view.version);
    return view;
  }
}
