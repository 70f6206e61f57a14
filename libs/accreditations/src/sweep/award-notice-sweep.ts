import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { RequestContext, SYSTEM_PRINCIPAL } from '@due-regard/identity';
import { longUkDate } from '@due-regard/shared-kernel';
import type { AccreditationLapsed, RenewalDue } from '../domain/accreditation.js';
import { isCalendarDay, type CalendarDay } from '../domain/award-dates.js';
import { Journeys } from '../application/shared/journeys.js';

/** Who a notice is for: the council's administrators (the notifications port finds their addresses). */
export const NOTICE_AUDIENCE = 'council-admin';

/**
 * A notice the sweep raised, with everything a message to the council's admins needs: the council,
 * the scheme and level, when it expires, how many days are left, and the message in words. No
 * personal data: the audience is a role, resolved to people where the message is sent.
 */
export type RaisedNotice = (
  | ({ readonly type: 'RenewalDue' } & RenewalDue['data'])
  | ({ readonly type: 'AccreditationLapsed' } & AccreditationLapsed['data'])
) & {
  readonly councilSlug: string;
  readonly audience: typeof NOTICE_AUDIENCE;
  readonly subject: string;
  readonly message: string;
};

export class InvalidSweepDateError extends Error {
  override readonly name = 'InvalidSweepDateError';
}

/**
 * A recorded `RenewalDue` or `AccreditationLapsed` as the message to the council's admins: what the
 * sweep answers, and what a subscriber to the stored events (the notifications) makes of one.
 */
export function raisedNoticeOf(councilSlug: string, event: RenewalDue | AccreditationLapsed): RaisedNotice {
  const expires = longUkDate(event.data.expiresOn) ?? event.data.expiresOn;
  const what = `${event.data.schemeName}: ${event.data.levelName}`;
  if (event.type === 'RenewalDue') {
    const days = event.data.daysToExpiry;
    return {
      type: 'RenewalDue',
      ...event.data,
      councilSlug,
      audience: NOTICE_AUDIENCE,
      subject: `Renew ${what} by ${expires}`,
      message: `Your council's ${what} expires on ${expires}, in ${days} ${days === 1 ? 'day' : 'days'}. Renew it before then to keep it, and record the renewal in Due Regard.`,
    };
  }
  return {
    type: 'AccreditationLapsed',
    ...event.data,
    councilSlug,
    audience: NOTICE_AUDIENCE,
    subject: `${what} has lapsed`,
    message: `Your council's ${what} expired on ${expires} and has lapsed. Record the renewal in Due Regard once it is made.`,
  };
}

/**
 * The daily sweep of one council's accreditations as of a day: `RenewalDue` 90 and 30 days before
 * an award expires, `AccreditationLapsed` the day after. Each is raised once per award, however
 * often the sweep runs for a day and however late (the journey remembers what it raised; two sweeps
 * at once are ordered by the event store, the second deciding on what the first recorded). What it
 * answers is what it raised now: nothing, the second time.
 *
 * Enters the council's context as the platform (source `job`): called by the `accreditations` queue
 * and, for one council and day, by the CLI's `tracking:sweep`.
 */
@Injectable()
export class AwardNoticeSweep {
  constructor(
    private readonly journeys: Journeys,
    private readonly context: RequestContext,
  ) {}

  sweep(councilSlug: string, asOf: CalendarDay, correlationId: string = randomUUID()): Promise<RaisedNotice[]> {
    if (!isCalendarDay(asOf)) throw new InvalidSweepDateError(`"${asOf}" is not a date: write it as YYYY-MM-DD`);
    return this.context.run(
      { tenant: { kind: 'council', slug: councilSlug }, correlationId, source: 'job', principal: SYSTEM_PRINCIPAL },
      async () => {
        const raised: RaisedNotice[] = [];
        for (const key of this.journeys.catalogue.keys()) {
          const { state } = await this.journeys.read(councilSlug, key);
          if (state.status === 'none') continue;
          const change = await this.journeys.change(key, undefined, (current, scheme) =>
            current.status === 'none' ? [] : [{ type: 'SweepAwardNotices', scheme, asOf }],
          );
          for (const event of change.events) {
            if (event.type === 'RenewalDue' || event.type === 'AccreditationLapsed') {
              raised.push(raisedNoticeOf(councilSlug, event));
            }
          }
        }
        return raised;
      },
    );
  }
}
