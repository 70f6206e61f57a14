import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandRunner, CommandsModule } from '@due-regard/commands';
import { CouncilDirectory } from '@due-regard/councils';
import { RequestContext } from '@due-regard/identity';
import { CLOCK, systemClock } from '@due-regard/shared-kernel';
import { AccreditationCatalogue } from './catalogue/accreditation-catalogue.js';
import { AccreditationsReader } from './application/get-accreditations/accreditations.reader.js';
import { GetAccreditationsHttpController } from './application/get-accreditations/get-accreditations.http.controller.js';
import { PlanJourneyHandler } from './application/plan-journey/plan-journey.handler.js';
import { PlanJourneyHttpController } from './application/plan-journey/plan-journey.http.controller.js';
import { RecordAwardHandler } from './application/record-award/record-award.handler.js';
import { RecordAwardHttpController } from './application/record-award/record-award.http.controller.js';
import { Journeys } from './application/shared/journeys.js';
import { WithdrawAccreditationHandler } from './application/withdraw-accreditation/withdraw-accreditation.handler.js';
import { WithdrawAccreditationHttpController } from './application/withdraw-accreditation/withdraw-accreditation.http.controller.js';
import {
  AccreditationJobs,
  AccreditationSweepScheduler,
  AccreditationsProcessor,
  accreditationsQueue,
} from './sweep/accreditations-queue.js';
import { AwardNoticeSweep } from './sweep/award-notice-sweep.js';

/** The catalogue, read and checked when the module starts: a bad one stops start-up. */
const catalogueProvider = { provide: AccreditationCatalogue, useFactory: () => AccreditationCatalogue.load() };

/**
 * For the API (and the web's pages): GET /api/v1/accreditations(/{scheme}), PUT a journey, POST an
 * award or a withdrawal. Needs the global EVENT_STORE, Database and RequestContext.
 */
@Module({
  imports: [CqrsModule, CommandsModule],
  controllers: [
    GetAccreditationsHttpController,
    PlanJourneyHttpController,
    RecordAwardHttpController,
    WithdrawAccreditationHttpController,
  ],
  providers: [
    { provide: CLOCK, useValue: systemClock },
    catalogueProvider,
    Journeys,
    AccreditationsReader,
    PlanJourneyHandler,
    RecordAwardHandler,
    WithdrawAccreditationHandler,
  ],
  exports: [AccreditationCatalogue, AccreditationsReader, CommandsModule],
})
export class AccreditationsModule {}

/**
 * The sweep of renewals and lapses, `AwardNoticeSweep.sweep(councilSlug, asOf)`, for the worker
 * and the CLI. Brings its own request context and write path: it runs without the API's modules.
 * Needs the global EVENT_STORE.
 */
@Module({
  providers: [
    { provide: CLOCK, useValue: systemClock },
    RequestContext,
    CommandRunner,
    catalogueProvider,
    Journeys,
    AwardNoticeSweep,
  ],
  exports: [AwardNoticeSweep],
})
export class AccreditationSweepModule {}

/** For the worker: the `accreditations` queue, its daily job scheduler (upserted at start) and its processor. */
@Module({
  imports: [AccreditationSweepModule, accreditationsQueue],
  providers: [
    { provide: CLOCK, useValue: systemClock },
    CouncilDirectory,
    AccreditationJobs,
    AccreditationSweepScheduler,
    AccreditationsProcessor,
  ],
})
export class AccreditationsJobsModule {}
