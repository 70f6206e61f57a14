import { Body, Get, NotFoundException, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import {
  ChangeCouncilSettingsCommand,
  CouncilSettingsReader,
  mayDo,
  rolesFor,
  type CouncilWithSettings,
} from '@due-regard/councils';
import { ConcurrencyError } from '@due-regard/event-store';
import { CouncilAccess, councilRolesOf, RequestContext } from '@due-regard/identity';
import { errorSummary, type FieldErrors } from '../../forms/field-errors.js';
import { formBody, formVersion } from '../../forms/form-body.js';
import { PageRenderer } from '../../rendering/page-renderer.js';
import { setFlash } from '../../session/flash.js';
import { WebController } from '../../web-controller.decorator.js';
import {
  quarterConventionItems,
  quarterConventionWords,
  readSettingsForm,
  SETTINGS_FIELDS,
} from './council-settings.form.js';
import { type QuarterConvention } from '@due-regard/shared-kernel';

const CHANGED_MEANWHILE =
  'Someone changed the settings while you had this page open. Check them as they are now, then save again.';

/** The council's settings: everyone in the council may read them, its administrators change them. */
@WebController()
export class CouncilSettingsPageController {
  constructor(
    private readonly councils: CouncilSettingsReader,
    private readonly commandBus: CommandBus,
    private readonly context: RequestContext,
    private readonly renderer: PageRenderer,
  ) {}

  @Get('settings')
  @CouncilAccess(...rolesFor('readCouncil'))
  async show(@Req() request: Request, @Res() response: Response): Promise<void> {
    const current = await this.current();
    await this.render(request, response, current, current.settings.quarterConvention, {});
  }

  @Post('settings')
  @CouncilAccess(...rolesFor('changeCouncilSettings'))
  async change(@Body() posted: unknown, @Req() request: Request, @Res() response: Response): Promise<void> {
    const body = formBody(posted);
    const form = readSettingsForm(body);
    if (form.kind === 'invalid') {
      await this.render(request, response, await this.current(), null, form.errors, 400, formVersion(body));
      return;
    }
    try {
      await this.commandBus.execute(
        new ChangeCouncilSettingsCommand(
          this.context.councilSlug(),
          { quarterConvention: form.quarterConvention },
          formVersion(body),
        ),
      );
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      const current = await this.current();
      await this.render(
        request,
        response,
        current,
        form.quarterConvention,
        { quarterConvention: CHANGED_MEANWHILE },
        409,
      );
      return;
    }
    setFlash(request, { heading: 'Settings saved', text: quarterConventionWords(form.quarterConvention) });
    response.redirect(303, '/settings');
  }

  private async current(): Promise<CouncilWithSettings> {
    const found = await this.councils.read(this.context.councilSlug());
    if (found === null) throw new NotFoundException();
    return found;
  }

  private async render(
    request: Request,
    response: Response,
    current: CouncilWithSettings,
    chosen: QuarterConvention | null,
    errors: FieldErrors,
    status = 200,
    version: number | undefined = current.version,
  ): Promise<void> {
    const person = { roles: councilRolesOf(this.context.principal(), this.context.councilSlug()) };
    await this.renderer.render(
      request,
      response,
      'councils/settings.njk',
      {
        pageTitle: 'Council settings',
        council: current.council,
        quarterConvention: quarterConventionWords(current.settings.quarterConvention),
        mayChange: mayDo(person, 'changeCouncilSettings'),
        quarterItems: quarterConventionItems(chosen),
        // After a change by someone else, the form is sent against the version now recorded.
        version: status === 409 ? current.version : (version ?? ''),
        errors,
        errorList: errorSummary(errors, SETTINGS_FIELDS),
        hasErrors: Object.keys(errors).length > 0,
      },
      status,
    );
  }
}
