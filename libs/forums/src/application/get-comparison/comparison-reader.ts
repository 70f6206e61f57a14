import { Injectable, NotFoundException } from '@nestjs/common';
import { forumRolesOf, RequestContext } from '@due-regard/identity';
import { ForumsReadQueries, type Comparison, type ComparisonReader } from '../../read-models/forums-read-queries.js';

const NO_FORUM = 'There is no such forum';

/**
 * The comparison for whoever asks: a coordinator or member on the bare domain, or the people of a
 * council on its sub-domain, who see it only while their council is a member (otherwise, as for a
 * forum that does not exist, 404: nothing of the forum is revealed). The API and the pages share it.
 */
@Injectable()
export class ComparisonForReader {
  constructor(
    private readonly queries: ForumsReadQueries,
    private readonly context: RequestContext,
  ) {}

  async read(forumSlug: string, asOf: Date | null): Promise<Comparison> {
    const forum = await this.queries.forum(forumSlug);
    if (forum === null) throw new NotFoundException(NO_FORUM);
    return this.queries.comparison(forum, asOf, await this.reader(forumSlug));
  }

  private async reader(forum: string): Promise<ComparisonReader> {
    const tenant = this.context.tenant();
    if (tenant.kind === 'council') {
      const memberships = await this.queries.forumsOf(tenant.slug);
      if (!memberships.some((each) => each.forum.slug === forum && each.status === 'member')) {
        throw new NotFoundException(NO_FORUM);
      }
      return { kind: 'council', council: tenant.slug };
    }
    return forumRolesOf(this.context.principal(), forum).includes('forum-coordinator')
      ? { kind: 'coordinator' }
      : { kind: 'forum-member' };
  }
}
