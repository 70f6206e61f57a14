import { Body, Get, NotFoundException, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import {
  asOfInstant,
  ChangeComparisonSettingsCommand,
  comparisonQuery,
  ComparisonForReader,
  councilRolesFor,
  forumPersonMay,
  forumRolesFor,
  ForumsReadQueries,
  inviteCouncilBody,
  InviteCouncilCommand,
} from '@due-regard/forums';
import { ForumAccess, ForumOrCouncilAccess, forumRolesOf, RequestContext } from '@due-regard/identity';
import { DomainConflict, DomainRuleViolation } from '@due-regard/shared-kernel';
import { errorSummary, FORM_ERROR, type FieldErrors } from '../forms/field-errors.js';
import { formBody, textField } from '../forms/form-body.js';
import { PageRenderer } from '../rendering/page-renderer.js';
import { setFlash } from '../session/flash.js';
import { WebController } from '../web-controller.decorator.js';
import { CHART_PLOT_WIDTH, comparisonPage, sortingOf } from './comparison-page.js';

const SLUG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

function forumSlug(value: string): string {
  if (value.length > 63 || !SLUG.test(value)) throw new NotFoundException('There is no such forum');
  return value;
}

/**
 * A forum's comparison page, `/forums/<slug>`: on the bare domain for its coordinators and members
 * (coordinators also invite councils and choose what the comparison shows), and on a member
 * council's sub-domain for that council's people. The same reads as the API's.
 */
@WebController()
export class ForumPagesController {
  constructor(
    private readonly comparisons: ComparisonForReader,
    private readonly queries: ForumsReadQueries,
    private readonly commandBus: CommandBus,
    private readonly context: RequestContext,
    private readonly renderer: PageRenderer,
  ) {}

  @Get('forums/:forum')
  @ForumOrCouncilAccess(forumRolesFor('readComparison'), councilRolesFor('readComparison'))
  async show(
    @Param('forum') forum: string,
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.render(request, response, forumSlug(forum), query, {});
  }

  @Post('forums/:forum/invitations')
  @ForumAccess(...forumRolesFor('inviteCouncil'))
  async invite(
    @Param('forum') forum: string,
    @Body() posted: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const slug = forumSlug(forum);
    const parsed = inviteCouncilBody.safeParse({ council: textField(formBody(posted), 'council').trim() });
    if (!parsed.success) {
      await this.render(request, response, slug, {}, { council: 'Enter the council to invite' }, 400);
      return;
    }
    try {
      await this.commandBus.execute(new InviteCouncilCommand(slug, parsed.data.council));
    } catch (error) {
      if (!(error instanceof DomainRuleViolation) && !(error instanceof DomainConflict)) throw error;
      await this.render(request, response, slug, {}, { council: error.message }, 400);
      return;
    }
    setFlash(request, {
      heading: 'Council invited',
      text: `Its administrators will see the invitation on their council’s forums page.`,
    });
    response.redirect(303, `/forums/${slug}`);
  }

  @Post('forums/:forum/settings')
  @ForumAccess(...forumRolesFor('changeComparisonSettings'))
  async changeSettings(
    @Param('forum') forum: string,
    @Body() posted: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const slug = forumSlug(forum);
    const showNames = textField(formBody(posted), 'showNames') === 'yes';
    await this.commandBus.execute(new ChangeComparisonSettingsCommand(slug, { showNames }));
    setFlash(request, {
      heading: 'Comparison settings saved',
      text: showNames
        ? 'Members and councils now see every council’s name.'
        : 'Members and councils see only their own council’s name.',
    });
    response.redirect(303, `/forums/${slug}`);
  }

  private async render(
    request: Request,
    response: Response,
    forum: string,
    query: Readonly<Record<string, unknown>>,
    errors: FieldErrors,
    status = 200,
  ): Promise<void> {
    const parsedQuery = comparisonQuery.safeParse({
      ...(typeof query['asOf'] === 'string' && query['asOf'] !== '' ? { asOf: query['asOf'] } : {}),
    });
    const asOf = parsedQuery.success ? (parsedQuery.data.asOf ?? null) : null;
    const comparison = await this.comparisons.read(forum, asOfInstant(asOf ?? undefined));
    const tenant = this.context.tenant();
    const coordinator =
      tenant.kind === 'platform' && forumPersonMay(forumRolesOf(this.context.principal(), forum), 'inviteCouncil');
    const sorting = sortingOf(query);
    await this.renderer.render(
      request,
      response,
      'forums/comparison.njk',
      {
        pageTitle: `${comparison.forum.name}: comparison`,
        comparison,
        page: comparisonPage(comparison, sorting, asOf),
        chartWidth: CHART_PLOT_WIDTH,
        asOf,
        asOfError: parsedQuery.success ? null : 'Enter a date such as 2025-03-31',
        coordinator,
        members: coordinator ? await this.queries.membersOf(forum) : [],
        errors,
        hasErrors: Object.keys(errors).length > 0,
        errorList: errorSummary(errors, ['council', FORM_ERROR]),
      },
      status,
    );
  }
}
