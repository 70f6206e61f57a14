import { Module } from '@nestjs/common';
import { AccreditationSweepModule } from '@due-regard/accreditations';
import { CommandRunner, CommandsModule } from '@due-regard/commands';
import { CouncilDirectory, CouncilSettingsModule } from '@due-regard/councils';
import { RequestContext } from '@due-regard/identity';
import { NotificationsModule } from '@due-regard/notifications';
import { PlansDueQueriesModule } from '@due-regard/plans';
import { CLOCK, systemClock } from '@due-regard/shared-kernel';
import { ReminderPreferences } from './application/set-reminder-preference/reminder-preferences.js';
import { SetReminderPreferenceHttpController } from './application/set-reminder-preference/set-reminder-preference.http.controller.js';
import { recipientsProvider } from './recipients/recipients.provider.js';
import { ReminderJobs, ReminderScheduler, RemindersProcessor, remindersQueue } from './sweep/reminders-queue.js';
import { TrackingSweep } from './sweep/tracking-sweep.js';

/** For the API: a person's own reminders, GET and PUT /api/v1/me/reminders. Needs the global EVENT_STORE and RequestContext. */
@Module({
  imports: [CommandsModule],
  controllers: [SetReminderPreferenceHttpController],
  providers: [ReminderPreferences],
  exports: [ReminderPreferences],
})
export class RemindersModule {}

/**
 * The daily sweep of a council (`TrackingSweep.sweep(councilSlug, asOf)`), for the worker and the
 * CLI. Needs the global EVENT_STORE, AppConfig, Database and RedisConnection (the outbox's).
 */
@Module({
  imports: [AccreditationSweepModule, CouncilSettingsModule, PlansDueQueriesModule, NotificationsModule],
  providers: [
    { provide: CLOCK, useValue: systemClock },
    RequestContext,
    CommandRunner,
    recipientsProvider,
    ReminderPreferences,
    TrackingSweep,
  ],
  exports: [TrackingSweep],
})
export class TrackingSweepModule {}

/** For the worker: the `reminders` queue, its daily job scheduler (upserted at start) and its processor. */
@Module({
  imports: [TrackingSweepModule, remindersQueue],
  providers: [
    { provide: CLOCK, useValue: systemClock },
    CouncilDirectory,
    ReminderJobs,
    ReminderScheduler,
    RemindersProcessor,
  ],
  exports: [ReminderJobs],
})
export class RemindersJobsModule {}
