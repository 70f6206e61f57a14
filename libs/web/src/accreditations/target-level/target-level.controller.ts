import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { AccreditationsReader, PlanJourneyCommand, rolesFor, type AccreditationView } from '@due-regard/accreditations';
import { CouncilAccess } from '@due-regard/identity';
import { errorSummary, type FieldErrors } from '../../forms/field-errors.js';
import { formBody, formVersion } from '../../forms/form-body.js';
import { PageRenderer } from '../../rendering/page-renderer.js';
import { setFlash } from '../../session/flash.js';
import { WebController } from '../../web-controller.decorator.js';
import { refusalOf } from '../../plans/shared/plan-pages.js';
import { accreditationOf } from '../pages/accreditations.page.controller.js';
import { SchemePagePipe } from '../pages/scheme-page.pipe.js';
import { NO_TARGET, readTargetLevelForm } from './target-level.form.js';

const CHANGED_MEANWHILE =
  'Someone changed this accreditation while you had the form open. Check it as it is now, then save again.';

/** The level the council aims for on a scheme. */
@WebController()
export class TargetLevelPageController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly reader: AccreditationsReader,
    private readonly renderer: PageRenderer,
  ) {}

  @Get('accreditations/:scheme/target')
  @CouncilAccess(...rolesFor('planAccreditation'))
  async form(
    @Param('scheme', SchemePagePipe) scheme: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const accreditation = await accreditationOf(this.reader, scheme);
    const checked = accreditation.targetLevel === null ? '' : String(accreditation.targetLevel.rank);
    await this.show(request, response, accreditation, checked, {}, 200, accreditation.version);
  }

  @Post('accreditations/:scheme/target')
  @CouncilAccess(...rolesFor('planAccreditation'))
  async change(
    @Param('scheme', SchemePagePipe) scheme: string,
    @Body() posted: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const accreditation = await accreditationOf(this.reader, scheme);
    const body = formBody(posted);
    const version = formVersion(body);
    const form = readTargetLevelForm(body);
    if (form.kind === 'invalid') {
      await this.show(request, response, accreditation, '', form.errors, 400, version);
      return;
    }
    const checked = form.targetLevel === null ? NO_TARGET : String(form.targetLevel);
    try {
      await this.commandBus.execute(
        new PlanJourneyCommand(
          scheme,
          { schemeVersion: undefined, targetLevel: form.targetLevel, commitments: [] },
          version,
        ),
      );
    } catch (error) {
      const refusal = refusalOf(error, { targetLevel: 'targetLevel' });
      const current = await accreditationOf(this.reader, scheme);
      const errors = refusal.kind === 'stale' ? { _form: CHANGED_MEANWHILE } : refusal.errors;
      const status = refusal.kind === 'stale' ? 409 : refusal.status;
      await this.show(
        request,
        response,
        current,
        checked,
        errors,
        status,
        refusal.kind === 'stale' ? current.version : version,
      );
      return;
    }
    const level = accreditation.levels.find((each) => each.rank === form.targetLevel);
    setFlash(request, { heading: 'Target saved', text: level === undefined ? 'No target level' : level.name });
    response.redirect(303, `/accreditations/${scheme}`);
  }

  private async show(
    request: Request,
    response: Response,
    accreditation: AccreditationView,
    checked: string,
    errors: FieldErrors,
    status: number,
    version: number | undefined,
  ): Promise<void> {
    await this.renderer.render(
      request,
      response,
      'accreditations/target-level.njk',
      {
        pageTitle: `Target level: ${accreditation.name}`,
        caption: accreditation.name,
        heading: 'Which level does the council aim for?',
        formAction: `/accreditations/${accreditation.scheme}/target`,
        backHref: `/accreditations/${accreditation.scheme}`,
        cancelHref: `/accreditations/${accreditation.scheme}`,
        version: version ?? '',
        levelItems: [
          ...accreditation.levels.map((level) => ({
            value: String(level.rank),
            text: level.name,
            checked: checked === String(level.rank),
          })),
          { divider: 'or' },
          { value: NO_TARGET, text: 'No target level', checked: checked === NO_TARGET },
        ],
        errors,
        errorList: errorSummary(errors, ['targetLevel']),
        hasErrors: Object.keys(errors).length > 0,
      },
      status,
    );
  }
}
