import { Inject, Injectable } from '@nestjs/common';
import { CommandRunner } from '@due-regard/commands';
import { EVENT_STORE, streamName, type EventStore } from '@due-regard/event-store';
import { reminderPreferenceDecider } from '../../domain/reminder-preference.js';

/** A person's reminder choice in a council is a stream of its own: `reminderpreference-<council>.<user id>`. */
export function reminderPreferenceStream(councilSlug: string, userId: string): string {
  return streamName('reminderpreference', councilSlug, userId.replace(/[^A-Za-z0-9_-]/g, '_'));
}

/** People's reminder choices: recorded through the one write path, read for the sweep and the form. */
@Injectable()
export class ReminderPreferences {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: CommandRunner,
  ) {}

  async enabled(councilSlug: string, userId: string): Promise<boolean> {
    const events = await this.store.readStream(reminderPreferenceStream(councilSlug, userId));
    // The decider's state is the last choice made: on, unless it was to turn them off.
    const last = events.findLast((event) => event.type === 'RemindersTurnedOff' || event.type === 'RemindersTurnedOn');
    return last?.type !== 'RemindersTurnedOff';
  }

  /** Records the choice (in the request's context: the person's own); nothing when it is so already. */
  async set(councilSlug: string, userId: string, enabled: boolean): Promise<{ readonly enabled: boolean }> {
    const stream = reminderPreferenceStream(councilSlug, userId);
    await this.runner.run(async (session) => {
      const { state } = await session.load(stream, reminderPreferenceDecider);
      session.record(stream, reminderPreferenceDecider.decide({ type: 'SetReminderPreference', enabled }, state));
      return {};
    });
    return { enabled };
  }
}
