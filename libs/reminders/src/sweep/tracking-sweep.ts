import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AwardNoticeSweep, type RaisedNotice } from '@due-regard/accreditations';
import { CommandRunner } from '@due-regard/commands';
import { streamName } from '@due-regard/event-store';
import { RequestContext, SYSTEM_PRINCIPAL } from '@due-regard/identity';
import { Notifier } from '@due-regard/notifications';
import {
  addDays,
  CouncilDueSettings,
  PlansReadQueries,
  readCalendarDate,
  reminderDecider,
  reminderId,
  remindersInWindow,
  type DueActionDto,
  type ReminderKey,
} from '@due-regard/plans';
import { longUkDate } from '@due-regard/shared-kernel';
import { ReminderPreferences } from '../application/set-reminder-preference/reminder-preferences.js';
import { Recipients, type Recipient } from '../recipients/recipients.js';

/** A reminder the sweep sent: what it was about and to how many people (never who). */
export interface RaisedReminder extends ReminderKey {
  readonly type: 'ReminderSent';
  readonly ref: string | null;
  readonly title: string;
  readonly sentOn: string;
  readonly recipients: number;
}

/** An accreditation notice the sweep raised, and to how many of the council's admins it went. */
export type SentNotice = RaisedNotice & { readonly recipients: number };

/** What one council's sweep of a day raised: nothing, when the day has been swept already. */
export interface SweepReport {
  readonly council: string;
  readonly asOf: string;
  readonly reminders: readonly RaisedReminder[];
  readonly notices: readonly SentNotice[];
}

export class InvalidTrackingDateError extends Error {
  override readonly name = 'InvalidTrackingDateError';
}

/** A reminder is a stream of its own in the council's log: what keeps it to once. */
export function reminderStream(councilSlug: string, key: ReminderKey): string {
  return streamName('reminder', councilSlug, reminderId(key));
}

function reminderMessage(action: DueActionDto, key: ReminderKey): { subject: string; body: string } {
  const name = action.ref === null ? action.title : `${action.ref} ${action.title}`;
  const on = longUkDate(key.dueOn) ?? key.dueOn;
  return key.kind === 'update-due'
    ? {
        subject: `Progress update due by ${on}: ${name}`,
        body: `Your team leads "${name}" in ${action.planTitle}.\n\nA progress update on it is due by ${on}. Record it in Due Regard.`,
      }
    : {
        subject: `Due on ${on}: ${name}`,
        body: `Your team leads "${name}" in ${action.planTitle}.\n\nIt is due on ${on}. Record its progress in Due Regard, or revise its due date if it has moved.`,
      };
}

/**
 * The daily sweep of one council as of a day (the `reminders` queue's job and the CLI's
 * `tracking:sweep`): reminders to each action's lead team members a set number of days (the
 * council's update cycle says how many) before an update or a due date, and the accreditations'
 * renewals and lapses to the council's admins. Each reminder is recorded once (`ReminderSent`, one
 * stream per action, kind and date) before it is sent, so a day swept twice sends nothing twice,
 * and the planner's window catches up days missed.
 */
@Injectable()
export class TrackingSweep {
  constructor(
    private readonly context: RequestContext,
    private readonly runner: CommandRunner,
    private readonly settings: CouncilDueSettings,
    private readonly queries: PlansReadQueries,
    private readonly awards: AwardNoticeSweep,
    private readonly recipients: Recipients,
    private readonly notifier: Notifier,
    private readonly preferences: ReminderPreferences,
  ) {}

  async sweep(councilSlug: string, asOf: string, correlationId: string = randomUUID()): Promise<SweepReport> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || readCalendarDate(asOf) === null) {
      throw new InvalidTrackingDateError(`"${asOf}" is not a date: write it as YYYY-MM-DD`);
    }
    const reminders = await this.context.run(
      { tenant: { kind: 'council', slug: councilSlug }, correlationId, source: 'job', principal: SYSTEM_PRINCIPAL },
      () => this.remind(councilSlug, asOf),
    );
    const admins = await this.wanting(councilSlug, await this.recipients.withRole(councilSlug, 'council-admin'));
    const notices: SentNotice[] = [];
    for (const notice of await this.awards.sweep(councilSlug, asOf, correlationId)) {
      await this.send(admins, { subject: notice.subject, body: notice.message }, `${notice.type}_${notice.expiresOn}`);
      notices.push({ ...notice, recipients: admins.length });
    }
    return { council: councilSlug, asOf, reminders, notices };
  }

  private async remind(councilSlug: string, asOf: string): Promise<RaisedReminder[]> {
    const calendar = await this.settings.calendar(councilSlug);
    const { actions } = await this.queries.dueActions(calendar, asOf);
    const byId = new Map(actions.map((action) => [action.actionId, action]));
    const raised: RaisedReminder[] = [];
    for (const key of remindersInWindow(actions, asOf, calendar.cycle.remindDaysBefore, addDays)) {
      const action = byId.get(key.actionId);
      if (action === undefined) continue;
      const people = await this.leadTeamMembers(councilSlug, action.leads);
      const stream = reminderStream(councilSlug, key);
      const { sent } = await this.runner.run(async (session) => {
        const { state } = await session.load(stream, reminderDecider);
        const events = reminderDecider.decide(
          { type: 'SendReminder', key, sentOn: asOf, recipients: people.length },
          state,
        );
        session.record(stream, events);
        return { sent: events.length > 0 };
      });
      if (!sent) continue;
      await this.send(people, reminderMessage(action, key), reminderId(key));
      raised.push({
        type: 'ReminderSent',
        ...key,
        ref: action.ref,
        title: action.title,
        sentOn: asOf,
        recipients: people.length,
      });
    }
    return raised;
  }

  private async leadTeamMembers(councilSlug: string, teams: readonly string[]): Promise<Recipient[]> {
    const people = new Map<string, Recipient>();
    for (const team of teams) {
      for (const person of await this.recipients.teamMembers(councilSlug, team)) people.set(person.id, person);
    }
    return this.wanting(councilSlug, [...people.values()]);
  }

  /** Those who have not turned their reminders off. */
  private async wanting(councilSlug: string, people: readonly Recipient[]): Promise<Recipient[]> {
    const wanting: Recipient[] = [];
    for (const person of people) if (await this.preferences.enabled(councilSlug, person.id)) wanting.push(person);
    return wanting;
  }

  private async send(
    people: readonly Recipient[],
    message: { readonly subject: string; readonly body: string },
    reference: string,
  ): Promise<void> {
    for (const person of people) await this.notifier.send({ to: person.email, ...message, reference });
  }
}
