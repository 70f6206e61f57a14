import { Body, Get, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import {
  AccreditationsReader,
  PlanJourneyCommand,
  rolesFor,
  type AccreditationView,
  type CommitmentView,
} from '@due-regard/accreditations';
import { CouncilAccess } from '@due-regard/identity';
import { PlansReadQueries } from '@due-regard/plans';
import { errorSummary, type FieldErrors } from '../../forms/field-errors.js';
import { formBody, formVersion } from '../../forms/form-body.js';
import { PageRenderer } from '../../rendering/page-renderer.js';
import { setFlash } from '../../session/flash.js';
import { WebController } from '../../web-controller.decorator.js';
import { refusalOf } from '../../plans/shared/plan-pages.js';
import { commitmentStatusItems } from '../pages/accreditation-words.js';
import { accreditationOf } from '../pages/accreditations.page.controller.js';
import { SchemePagePipe } from '../pages/scheme-page.pipe.js';
import { COMMITMENT_FIELDS, readCommitmentForm, type CommitmentFormValues } from './commitment.form.js';

const CHANGED_MEANWHILE =
  'Someone changed this accreditation while you had the form open. Check it as it is now, then save again.';

/** A commitment's (or pledge's) status and evidence: the actions that deliver it, documents or pages that show it. */
@WebController()
export class CommitmentPageController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly reader: AccreditationsReader,
    private readonly plans: PlansReadQueries,
    private readonly renderer: PageRenderer,
  ) {}

  @Get('accreditations/:scheme/commitments/:ref')
  @CouncilAccess(...rolesFor('planAccreditation'))
  async form(
    @Param('scheme', SchemePagePipe) scheme: string,
    @Param('ref') ref: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const accreditation = await accreditationOf(this.reader, scheme);
    const commitment = commitmentOf(accreditation, ref);
    const values: CommitmentFormValues = {
      status: commitment.status,
      actionIds: commitment.actionIds,
      keptLinks: commitment.links.map((_link, index) => String(index)),
      newLinkTitle: '',
      newLinkUrl: '',
    };
    await this.show(request, response, accreditation, commitment, values, {}, 200, accreditation.version);
  }

  @Post('accreditations/:scheme/commitments/:ref')
  @CouncilAccess(...rolesFor('planAccreditation'))
  async record(
    @Param('scheme', SchemePagePipe) scheme: string,
    @Param('ref') ref: string,
    @Body() posted: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const accreditation = await accreditationOf(this.reader, scheme);
    const commitment = commitmentOf(accreditation, ref);
    const body = formBody(posted);
    const version = formVersion(body);
    const form = readCommitmentForm(body, ref, commitment.links);
    if (form.kind === 'invalid') {
      await this.show(request, response, accreditation, commitment, form.values, form.errors, 400, version);
      return;
    }
    try {
      await this.commandBus.execute(
        new PlanJourneyCommand(
          scheme,
          {
            schemeVersion: undefined,
            targetLevel: undefined,
            commitments: [
              {
                ref,
                status: form.commitment.status,
                actionIds: form.commitment.actionIds ?? [],
                links: form.commitment.links ?? [],
              },
            ],
          },
          version,
        ),
      );
    } catch (error) {
      const refusal = refusalOf(error, { status: 'status' });
      const current = await accreditationOf(this.reader, scheme);
      const errors = refusal.kind === 'stale' ? { _form: CHANGED_MEANWHILE } : refusal.errors;
      const status = refusal.kind === 'stale' ? 409 : refusal.status;
      const again = refusal.kind === 'stale' ? current.version : version;
      await this.show(request, response, current, commitmentOf(current, ref), form.values, errors, status, again);
      return;
    }
    setFlash(request, { heading: 'Saved', text: `${ref}. ${commitment.text}` });
    response.redirect(303, `/accreditations/${scheme}`);
  }

  /** The council's actions, plan by plan, to tick the ones that deliver the commitment. */
  private async actionChoices(checked: readonly string[]) {
    const { plans } = await this.plans.listPlans();
    const groups = [];
    for (const plan of plans) {
      const detail = await this.plans.plan(plan.id);
      if (detail === null || detail.actions.length === 0) continue;
      groups.push({
        plan: plan.title,
        items: detail.actions.map((action) => ({
          value: action.id,
          text: action.ref === null ? action.title : `${action.ref} ${action.title}`,
          checked: checked.includes(action.id),
        })),
      });
    }
    return groups;
  }

  private async show(
    request: Request,
    response: Response,
    accreditation: AccreditationView,
    commitment: CommitmentView,
    values: CommitmentFormValues,
    errors: FieldErrors,
    status: number,
    version: number | undefined,
  ): Promise<void> {
    await this.renderer.render(
      request,
      response,
      'accreditations/commitment.njk',
      {
        pageTitle: `${commitment.ref}. ${commitment.text}: ${accreditation.name}`,
        caption: accreditation.name,
        heading: `${commitment.ref}. ${commitment.text}`,
        formAction: `/accreditations/${accreditation.scheme}/commitments/${commitment.ref}`,
        backHref: `/accreditations/${accreditation.scheme}`,
        cancelHref: `/accreditations/${accreditation.scheme}`,
        version: version ?? '',
        values,
        called: accreditation.commitmentsCalled,
        statusItems: commitmentStatusItems(values.status),
        actionGroups: await this.actionChoices(values.actionIds),
        linkItems: commitment.links.map((link, index) => ({
          value: String(index),
          text: `${link.title} (${link.url})`,
          checked: values.keptLinks.includes(String(index)),
        })),
        errors,
        errorList: errorSummary(errors, COMMITMENT_FIELDS),
        hasErrors: Object.keys(errors).length > 0,
      },
      status,
    );
  }
}

function commitmentOf(accreditation: AccreditationView, ref: string): CommitmentView {
  const commitment = accreditation.commitments.find((each) => each.ref === ref);
  if (commitment === undefined) throw new NotFoundException();
  return commitment;
}
