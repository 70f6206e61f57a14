import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CouncilAccess, RequestContext } from '@due-regard/identity';
import { councilRolesFor } from '../../policy/forums.policy.js';
import { ForumsReadQueries } from '../../read-models/forums-read-queries.js';
import type { ForumInvitationsView } from './list-invitations.view.js';

@ApiTags('Forums')
@Controller('api/v1/forum-invitations')
export class ListInvitationsHttpController {
  constructor(
    private readonly queries: ForumsReadQueries,
    private readonly context: RequestContext,
  ) {}

  @Get()
  @CouncilAccess(...councilRolesFor('readInvitations'))
  @ApiOkResponse({
    description: 'The forums that invited this council: invited, member (with the scope it shares), declined or left.',
  })
  async list(): Promise<ForumInvitationsView> {
    return { invitations: await this.queries.forumsOf(this.context.councilSlug()) };
  }
}
