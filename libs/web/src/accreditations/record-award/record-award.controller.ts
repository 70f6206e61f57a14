import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import {
  AccreditationsReader,
  RecordAwardCommand,
  rolesFor,
  type AccreditationView,
  type AwardRecorded,
} from '@due-regard/accreditations';
import { CouncilAccess } from '@due-regard/identity';
import { errorSummary, type FieldErrors } from '../../forms/field-errors.js';
import { formBody, formVersion } from '../../forms/form-body.js';
import { PageRenderer } from '../../rendering/page-renderer.js';
import { ukDate } from '../../rendering/uk-dates.js';
import { setFlash } from '../../session/flash.js';
import { WebController } from '../../web-controller.decorator.js';
import { refusalOf } from '../../plans/shared/plan-pages.js';
import { accreditationOf } from '../pages/accreditations.page.controller.js';
import { SchemePagePipe } from '../pages/scheme-page.pipe.js';
import {
  AWARD_ANCHORS,
  AWARD_FIELDS,
  EMPTY_AWARD_FORM,
  readAwardForm,
  type AwardFormValues,
} from './record-award.form.js';

const CHANGED_MEANWHILE =
  'Someone changed this accreditation while you had the form open. Check the scheme’s page, then record the award again.';

/** Records an award made to the council: the level, the date, and the expiry (computed when left blank). */
@WebController()
export class RecordAwardPageController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly reader: AccreditationsReader,
    private readonly renderer: PageRenderer,
  ) {}

  @Get('accreditations/:scheme/awards/new')
  @CouncilAccess(...rolesFor('recordAward'))
  async form(
    @Param('scheme', SchemePagePipe) scheme: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const accreditation = await accreditationOf(this.reader, scheme);
    await this.show(request, response, accreditation, EMPTY_AWARD_FORM, {}, 200, accreditation.version);
  }

  @Post('accreditations/:scheme/awards')
  @CouncilAccess(...rolesFor('recordAward'))
  async record(
    @Param('scheme', SchemePagePipe) scheme: string,
    @Body() posted: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const accreditation = await accreditationOf(this.reader, scheme);
    const body = formBody(posted);
    const version = formVersion(body);
    const form = readAwardForm(body);
    if (form.kind === 'invalid') {
      await this.show(request, response, accreditation, form.values, form.errors, 400, version);
      return;
    }
    let recorded: AwardRecorded;
    try {
      recorded = await this.commandBus.execute(
        new RecordAwardCommand(scheme, form.award.level, form.award.awardedOn, form.award.expiresOn, version),
      );
    } catch (error) {
      const refusal = refusalOf(error, AWARD_ANCHORS);
      const current = await accreditationOf(this.reader, scheme);
      if (refusal.kind === 'stale') {
        await this.show(request, response, current, form.values, { _form: CHANGED_MEANWHILE }, 409, current.version);
        return;
      }
      await this.show(request, response, current, form.values, refusal.errors, refusal.status, version);
      return;
    }
    const { award } = recorded;
    setFlash(request, {
      heading: `${award.levelName} recorded`,
      text:
        award.expiresOn === null
          ? `Awarded on ${ukDate(award.awardedOn)}. It does not expire.`
          : `Awarded on ${ukDate(award.awardedOn)}, expires on ${ukDate(award.expiresOn)}. Renewal is due from ${ukDate(award.renewalDueOn)}.`,
    });
    response.redirect(303, `/accreditations/${scheme}`);
  }

  private async show(
    request: Request,
    response: Response,
    accreditation: AccreditationView,
    values: AwardFormValues,
    errors: FieldErrors,
    status: number,
    version: number | undefined,
  ): Promise<void> {
    await this.renderer.render(
      request,
      response,
      'accreditations/record-award.njk',
      {
        pageTitle: `Record an award: ${accreditation.name}`,
        caption: accreditation.name,
        heading: 'Record an award',
        formAction: `/accreditations/${accreditation.scheme}/awards`,
        backHref: `/accreditations/${accreditation.scheme}`,
        cancelHref: `/accreditations/${accreditation.scheme}`,
        version: version ?? '',
        values,
        levelItems: accreditation.levels.map((level) => ({
          value: String(level.rank),
          text: level.name,
          checked: values.level === String(level.rank),
        })),
        validity: validityHint(accreditation),
        errors,
        errorList: errorSummary(errors, AWARD_FIELDS),
        hasErrors: Object.keys(errors).length > 0,
      },
      status,
    );
  }
}

/** The hint under the expiry date: computed from the scheme's period, or given. */
export function validityHint(accreditation: Pick<AccreditationView, 'name' | 'validityYears'>): string {
  return accreditation.validityYears === null
    ? `${accreditation.name} sets no period: give the expiry date, or leave it blank if the award does not expire.`
    : `Leave blank to compute it: ${accreditation.name} awards last ${accreditation.validityYears} ${accreditation.validityYears === 1 ? 'year' : 'years'} from the award date.`;
}
