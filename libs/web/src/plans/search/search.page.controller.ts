import { Get, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CouncilAccess } from '@due-regard/identity';
import { PlansReadQueries, rolesFor } from '@due-regard/plans';
import { PageRenderer } from '../../rendering/page-renderer.js';
import { WebController } from '../../web-controller.decorator.js';
import { actionRow } from '../shared/action-rows.js';
import { CouncilPageContext } from '../shared/council-page-context.js';
import { formModel } from '../shared/form-state.js';
import { searchForm, searchSelects } from './action-search.js';

const FIELDS = [
  'q',
  'ref',
  'lead',
  'status',
  'rag',
  'overdue',
  'dueFrom-day',
  'dueFrom-month',
  'dueFrom-year',
  'dueTo-day',
  'dueTo-month',
  'dueTo-year',
];

/**
 * Finding an action across the council's plans by words, reference, lead, status, RAG rating and
 * when it is due: a GET form, so it works without JavaScript and a search can be bookmarked.
 */
@WebController()
export class SearchPageController {
  constructor(
    private readonly page: CouncilPageContext,
    private readonly queries: PlansReadQueries,
    private readonly renderer: PageRenderer,
  ) {}

  @Get('search')
  @CouncilAccess(...rolesFor('readPlans'))
  async search(@Query() query: unknown, @Req() request: Request, @Res() response: Response): Promise<void> {
    const form = searchForm(query);
    const mayBeBehind = await this.page.readModelsMayBeBehind();
    const found = form.search === null ? null : await this.queries.searchActions(form.search);
    const status = Object.keys(form.errors).length > 0 ? 400 : 200;
    await this.renderer.render(
      request,
      response,
      'plans/search.njk',
      {
        pageTitle: 'Find actions',
        mayBeBehind,
        ...formModel(FIELDS, { errors: form.errors }),
        values: form.values,
        selects: searchSelects(form.values),
        searched: found !== null,
        found:
          found === null
            ? null
            : found.map(({ planId, planTitle, action }) => actionRow({ id: planId, title: planTitle }, action)),
      },
      status,
    );
  }
}
