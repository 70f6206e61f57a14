import {
  Inject,
  Module,
  type DynamicModule,
  type MiddlewareConsumer,
  RequestMethod,
  type NestModule,
  type Type,
} from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { adminPagesController } from './admin/admin-pages.controller.js';
import { adminQueuesController } from './admin/admin-queues.controller.js';
import { AccreditationsModule } from '@due-regard/accreditations';
import { ForumsReadModule } from '@due-regard/forums';
import { PlanImportModule } from '@due-regard/plan-import-app';
import { ReportsModule } from '@due-regard/reports';
import { PlansReadModule, PlansWriteModule } from '@due-regard/plans';
import { AuditModule } from '@due-regard/audit';
import { PrincipalSource, UserDirectory } from '@due-regard/identity';
import { MetricsModule, type AppConfig } from '@due-regard/platform';
import { AssetsController } from './assets/assets.controller.js';
import { resolveWebOptions, WEB_OPTIONS } from './config/web-options.js';
import { ErrorPages } from './errors/error-pages.js';
import { PageRequestExceptionFilter, WebPageExceptionFilter } from './errors/exception-filters.js';
import { DashboardPageController } from './plans/dashboard/dashboard.page.controller.js';
import { HistoryPagesController } from './plans/history/history.page.controller.js';
import { PlansPageController } from './plans/plan-pages/plans.page.controller.js';
import { PublicPlansPageController } from './plans/public/public-plans.page.controller.js';
import { CouncilPageContext } from './plans/shared/council-page-context.js';
import { StrategyPageController } from './plans/strategies/strategy.page.controller.js';
import { DraftStrategyPageController } from './plans/strategies/draft-strategy.controller.js';
import { ObjectivePageController } from './plans/strategies/objective.controller.js';
import { StrategyLifecyclePageController } from './plans/strategies/strategy-lifecycle.controller.js';
import { InformationPagesController } from './site/information-pages.controller.js';
import { platformHomeController } from './site/platform-home.controller.js';
import { ImportPagesController } from './plan-import/import-pages.controller.js';
import { ReportPagesController } from './reports/report-pages.controller.js';
import { ImportUploadMiddleware } from './plan-import/import-upload.middleware.js';
import { PageRenderer } from './rendering/page-renderer.js';
import { CsrfGuard, CsrfProtection } from './security/csrf.js';
import { SessionPrincipalSource } from './session/session-principal-source.js';
import { WebSessionMiddleware } from './session/web-session.middleware.js';
import { RelyingParty } from './sign-in/relying-party.js';
import { SignInController } from './sign-in/sign-in.controller.js';
import { ActionPageController } from './plans/action-page/action-page.controller.js';
import { AddActionPageController } from './plans/add-action/add-action.controller.js';
import { AddObjectivePageController } from './plans/add-objective/add-objective.controller.js';
import { DraftPlanPageController } from './plans/draft-plan/draft-plan.controller.js';
import { EditActionPageController } from './plans/edit-action/edit-action.controller.js';
import { PlanLifecyclePageController } from './plans/plan-lifecycle/plan-lifecycle.controller.js';
import { PlanAsOfPageController } from './plans/plan-as-of/plan-as-of.controller.js';
import { SearchPageController } from './plans/search/search.page.controller.js';
import { ReviseDuePageController } from './plans/revise-due/revise-due.controller.js';
import { ReturnPlanPageController } from './plans/return-plan/return-plan.controller.js';
import { RecordProgressPageController } from './plans/record-progress/record-progress.controller.js';
import { PlanPages } from './plans/shared/plan-pages.js';
import { MeasurePagesController } from './plans/measures/measure-pages.controller.js';
import { CouncilSettingsPageController } from './councils/settings/council-settings.page.controller.js';
import { AccreditationsPageController } from './accreditations/pages/accreditations.page.controller.js';
import { CommitmentPageController } from './accreditations/commitment/commitment.controller.js';
import { RecordAwardPageController } from './accreditations/record-award/record-award.controller.js';
import { TargetLevelPageController } from './accreditations/target-level/target-level.controller.js';
import { AuditPagesController } from './audit/audit-pages.controller.js';
import { NamesToShow } from './users/names-to-show.js';
import { CouncilForumsController } from './forums/council-forums.controller.js';
import { ForumPagesController } from './forums/forum-pages.controller.js';
import { userDirectoryProvider } from './users/user-directory.provider.js';
import { CouncilSignInSites } from './sign-in/council-sign-in-sites.js';

/** The page controllers of this forRoot(), for the session middleware. */
const PAGE_CONTROLLERS = Symbol('WebPageControllers');

/**
 * The web service: GOV.UK Design System pages rendered on the server (govuk-frontend + Nunjucks),
 * signing in with OpenID Connect into a Redis-backed session. Global, because the AccessGuard
 * (IdentityModule) finds the session's principal through the PrincipalSource it provides; the
 * JSON API keeps its bearer tokens, since only the page routes below get a session.
 */
@Module({})
export class WebModule implements NestModule {
  constructor(@Inject(PAGE_CONTROLLERS) private readonly pageControllers: readonly Type[]) {}

  static forRoot(config: AppConfig): DynamicModule {
    const options = resolveWebOptions(config);
    // The platform home first: Express tries routes in order, and the council home shares its `/`.
    const pages: Type[] = [
      platformHomeController(options.baseDomain),
      adminPagesController(options.baseDomain),
      adminQueuesController(options.baseDomain),
      DashboardPageController,
      // The plan forms before the plan pages: `/plans/new` and `/plans/:planId/actions/new` would
      // otherwise be read as ids by `/plans/:planId` and `/plans/:planId/actions/:actionId`.
      DraftPlanPageController,
      ReportPagesController,
      AddActionPageController,
      AddObjectivePageController,
      RecordProgressPageController,
      ReviseDuePageController,
      EditActionPageController,
      ActionPageController,
      MeasurePagesController,
      PlanLifecyclePageController,
      PlanAsOfPageController,
      ReturnPlanPageController,
      PlansPageController,
      // `/strategies/new` before `/strategies/:strategyId`.
      DraftStrategyPageController,
      StrategyLifecyclePageController,
      ObjectivePageController,
      StrategyPageController,
      HistoryPagesController,
      SearchPageController,
      PublicPlansPageController,
      InformationPagesController,
      SignInController,
      ImportPagesController,
      CouncilSettingsPageController,
      AccreditationsPageController,
      RecordAwardPageController,
      CommitmentPageController,
      TargetLevelPageController,
      CouncilForumsController,
      ForumPagesController,
      AuditPagesController,
    ];
    return {
      module: WebModule,
      global: true,
      // The plan and import pages read and write through the same queries and commands as the API.
      imports: [
        CqrsModule,
        MetricsModule,
        PlansReadModule,
        PlansWriteModule,
        PlanImportModule,
        AccreditationsModule,
        ForumsReadModule,
        AuditModule,
        ReportsModule,
      ],
      controllers: [...pages, AssetsController],
      providers: [
        { provide: WEB_OPTIONS, useValue: options },
        { provide: PAGE_CONTROLLERS, useValue: pages },
        RelyingParty,
        SessionPrincipalSource,
        { provide: PrincipalSource, useExisting: SessionPrincipalSource },
        CsrfProtection,
        CsrfGuard,
        PageRenderer,
        CouncilPageContext,
        userDirectoryProvider,
        CouncilSignInSites,
        PlanPages,
        NamesToShow,
        ErrorPages,
        WebPageExceptionFilter,
        { provide: APP_FILTER, useClass: PageRequestExceptionFilter },
      ],
      exports: [PrincipalSource, UserDirectory],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // Cookies and the session on pages only: assets and the JSON API never get one.
    consumer.apply(WebSessionMiddleware).forRoutes(...this.pageControllers);
    // After the session: the upload form's body is read before CsrfGuard looks for its token.
    consumer.apply(ImportUploadMiddleware).forRoutes({ path: 'imports', method: RequestMethod.POST });
  }
}
