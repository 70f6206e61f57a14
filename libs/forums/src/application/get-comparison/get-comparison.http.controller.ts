import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ForumOrCouncilAccess } from '@due-regard/identity';
import { ZodValidationPipe } from '@due-regard/platform';
import { councilRolesFor, forumRolesFor } from '../../policy/forums.policy.js';
import { forumParam } from '../shared/forum-param.js';
import { ComparisonForReader } from './comparison-reader.js';
import { asOfInstant, comparisonQuery, type ComparisonQuery } from './get-comparison.query.js';
import type { ComparisonView } from './get-comparison.view.js';

@ApiTags('Forums')
@Controller('api/v1/forums/:forum/comparison')
export class GetComparisonHttpController {
  constructor(private readonly comparisons: ComparisonForReader) {}

  @Get()
  @ForumOrCouncilAccess(forumRolesFor('readComparison'), councilRolesFor('readComparison'))
  @ApiQuery({ name: 'asOf', required: false, description: 'A date or an ISO 8601 instant; now when left out' })
  @ApiOkResponse({
    description:
      "Councils side by side, each with only the figures its consent shares. On the bare domain for the forum's coordinators and members; on a member council's sub-domain for its people, with the council's own rank.",
  })
  comparison(
    @Param('forum', forumParam) forum: string,
    @Query(new ZodValidationPipe(comparisonQuery)) query: ComparisonQuery,
  ): Promise<ComparisonView> {
    return this.comparisons.read(forum, asOfInstant(query.asOf));
  }
}
