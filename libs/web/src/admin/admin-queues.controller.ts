import { createBullBoard } from '@bull-board/api';
import type { IServerAdapter } from '@bull-board/api/typings/app';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { All, Controller, Inject, NotFoundException, Req, Res, UseFilters, type Type } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { PlatformAccess } from '@due-regard/identity';
import { QueueMetrics } from '@due-regard/platform';
import { WEB_OPTIONS, type WebOptions } from '../config/web-options.js';
import { WebPageExceptionFilter } from '../errors/exception-filters.js';
import { queueDashboardContentSecurityPolicy } from '../security/content-security-policy.js';
import { ADMIN_QUEUES_PATH } from './admin-pages.controller.js';

type ExpressHandler = (request: Request, response: Response, next: NextFunction) => void;

/**
 * The queue dashboard: bull-board over every BullMQ queue of the application (QueueMetrics finds
 * them), at /admin/queues on the bare domain, behind the same AccessGuard rule as the other admin
 * pages (`@PlatformAccess()`: anonymous to sign-in, anyone else 403) before bull-board's Express
 * router sees the request. Not a WebController: bull-board's own actions (retry, clean) are
 * fetch() calls without the form's CSRF token; the session cookie is SameSite=Lax, so a request
 * from another site carries no session and is refused as anonymous.
 */
export function adminQueuesController(baseDomain: string): Type {
  @Controller({ host: baseDomain, path: 'admin' })
  @ApiExcludeController()
  @UseFilters(WebPageExceptionFilter)
  class AdminQueuesController {
    private board: ExpressHandler | null = null;

    constructor(
      private readonly queues: QueueMetrics,
      @Inject(WEB_OPTIONS) private readonly options: WebOptions,
    ) {}

    @All('queues{/*path}')
    @PlatformAccess()
    async dashboard(@Req() request: Request, @Res() response: Response): Promise<void> {
      const board = this.dashboardRouter();
      response.setHeader('Content-Security-Policy', queueDashboardContentSecurityPolicy(this.options.production));
      // bull-board routes from its own root, as if mounted at ADMIN_QUEUES_PATH.
      const below = request.originalUrl.slice(ADMIN_QUEUES_PATH.length);
      request.url = below.startsWith('/') ? below : `/${below}`;
      await new Promise<void>((resolve, reject) => {
        response.once('finish', resolve);
        response.once('close', resolve);
        board(request, response, (error?: unknown) => {
          // Not bull-board's route (or its failure): the web's error page answers.
          reject(error instanceof Error ? error : new NotFoundException());
        });
      });
    }

    /** Built on first use: the queues are found once every module has started. */
    private dashboardRouter(): ExpressHandler {
      if (this.board === null) {
        const serverAdapter = new ExpressAdapter().setBasePath(ADMIN_QUEUES_PATH);
        createBullBoard({
          queues: this.queues.all().map((queue) => new BullMQAdapter(queue)),
          // package.json pins @bull-board/api 9.10.2 beside @bull-board/express 9.10.1, which brings
          // its own 9.10.1 copy: the same interface, declared twice. Until the two are pinned alike.
          serverAdapter: serverAdapter as unknown as IServerAdapter,
          options: { uiConfig: { boardTitle: 'Due Regard queues' } },
        });
        this.board = serverAdapter.getRouter() as ExpressHandler;
      }
      return this.board;
    }
  }
  return AdminQueuesController;
}
