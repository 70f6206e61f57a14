import { Body, Get, Inject, Post, Req, Res, type Type } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { CouncilDirectory, RegisterCouncilCommand } from '@due-regard/councils';
import { PlatformAccess } from '@due-regard/identity';
import { ProjectionLagQueries, type CouncilProjectionLag } from '@due-regard/plans';
import { QueueMetrics } from '@due-regard/platform';
import { DomainConflict, DomainRuleViolation } from '@due-regard/shared-kernel';
import { SiteAddresses } from '../config/site-addresses.js';
import { WEB_OPTIONS, type WebOptions } from '../config/web-options.js';
import { errorSummary, fieldErrorsFromRule, type FieldErrors } from '../forms/field-errors.js';
import { formBody, textField, type FormBody } from '../forms/form-body.js';
import { PageRenderer } from '../rendering/page-renderer.js';
import { ukDateTime } from '../rendering/uk-dates.js';
import { setFlash } from '../session/flash.js';
import { WebController } from '../web-controller.decorator.js';
import {
  choiceItems,
  COUNCIL_TYPE_CHOICES,
  NATION_CHOICES,
  readRegisterCouncilForm,
  REGISTER_COUNCIL_FIELDS,
} from './register-council.form.js';

/** Where the queue dashboard (bull-board) is mounted: see AdminQueuesMiddleware. */
export const ADMIN_QUEUES_PATH = '/admin/queues';

const RULE_ANCHORS = Object.fromEntries(REGISTER_COUNCIL_FIELDS.map((field) => [field, field]));

/** "3 minutes": how old the oldest unprojected event is, in words; "–" when none waits. */
export function ageInWords(seconds: number | null): string {
  if (seconds === null) return '–';
  if (seconds < 60) return `${Math.round(seconds)} seconds`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} minutes`;
  return `${Math.round(seconds / 3600)} hours`;
}

/**
 * The platform operators' pages, on the bare domain only (host routing) and for `platform-admin`
 * only (`@PlatformAccess()`, the API's rule): the councils with their projection lag, registering
 * a council through the same command as `POST /api/v1/councils`, and the queue dashboard's link.
 */
export function adminPagesController(baseDomain: string): Type {
  @WebController({ host: baseDomain, path: 'admin' })
  class AdminPagesController {
    private readonly addresses: SiteAddresses;

    constructor(
      @Inject(WEB_OPTIONS) private readonly options: WebOptions,
      private readonly directory: CouncilDirectory,
      private readonly lag: ProjectionLagQueries,
      private readonly queues: QueueMetrics,
      private readonly commandBus: CommandBus,
      private readonly renderer: PageRenderer,
    ) {
      this.addresses = new SiteAddresses(options.publicUrl);
    }

    @Get()
    @PlatformAccess()
    async home(@Req() request: Request, @Res() response: Response): Promise<void> {
      const queues = await Promise.all(
        this.queues.all().map(async (queue) => {
          const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
          return { name: queue.name, ...counts };
        }),
      );
      await this.renderer.render(request, response, 'admin/home.njk', {
        pageTitle: 'Platform administration',
        councilCount: this.directory.list().length,
        position: (await this.lag.checkpoint()).commit.toString(),
        queues,
        queuesPath: ADMIN_QUEUES_PATH,
      });
    }

    @Get('councils')
    @PlatformAccess()
    async councils(@Req() request: Request, @Res() response: Response): Promise<void> {
      const councils = this.directory.list();
      const lags = new Map<string, CouncilProjectionLag>(
        (await this.lag.ofCouncils(councils.map((council) => council.slug))).map((lag) => [lag.council, lag]),
      );
      await this.renderer.render(request, response, 'admin/councils.njk', {
        pageTitle: 'Councils',
        position: (await this.lag.checkpoint()).commit.toString(),
        councils: councils.map((council) => {
          const lag = lags.get(council.slug);
          return {
            name: council.name,
            slug: council.slug,
            home: `${this.addresses.councilOrigin(council.slug)}/`,
            registered: ukDateTime(council.registeredAt),
            eventsBehind: lag?.eventsBehind ?? 0,
            oldestWaiting: ageInWords(lag?.oldestUnprojectedSeconds ?? null),
          };
        }),
      });
    }

    @Get('councils/new')
    @PlatformAccess()
    async newCouncil(@Req() request: Request, @Res() response: Response): Promise<void> {
      await this.renderForm(request, response, {}, {});
    }

    @Post('councils')
    @PlatformAccess()
    async register(@Body() posted: unknown, @Req() request: Request, @Res() response: Response): Promise<void> {
      const body = formBody(posted);
      const form = readRegisterCouncilForm(body);
      if (form.kind === 'invalid') {
        await this.renderForm(request, response, body, form.errors, 400);
        return;
      }
      const { slug, name, type, nation, region } = form.council;
      try {
        await this.commandBus.execute(new RegisterCouncilCommand({ slug, name, councilType: type, nation, region }));
      } catch (error) {
        if (error instanceof DomainRuleViolation) {
          await this.renderForm(request, response, body, fieldErrorsFromRule(error, RULE_ANCHORS), 400);
          return;
        }
        if (error instanceof DomainConflict) {
          await this.renderForm(request, response, body, { slug: `The sub-domain “${slug}” is taken` }, 409);
          return;
        }
        throw error;
      }
      await this.directory.catchUp();
      setFlash(request, {
        heading: 'Council registered',
        text: `${name.trim()} is at ${this.addresses.councilOrigin(slug)}`,
      });
      response.redirect(303, '/admin/councils');
    }

    private async renderForm(
      request: Request,
      response: Response,
      body: FormBody,
      errors: FieldErrors,
      status = 200,
    ): Promise<void> {
      await this.renderer.render(
        request,
        response,
        'admin/register-council.njk',
        {
          pageTitle: 'Register a council',
          values: { slug: textField(body, 'slug'), name: textField(body, 'name'), region: textField(body, 'region') },
          typeItems: choiceItems(COUNCIL_TYPE_CHOICES, textField(body, 'type')),
          nationItems: choiceItems(NATION_CHOICES, textField(body, 'nation')),
          baseDomain: this.options.baseDomain,
          errors,
          errorList: errorSummary(errors, REGISTER_COUNCIL_FIELDS),
          hasErrors: Object.keys(errors).length > 0,
        },
        status,
      );
    }
  }
  return AdminPagesController;
}
