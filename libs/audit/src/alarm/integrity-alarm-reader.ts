import { Inject, Injectable } from '@nestjs/common';
import { CouncilDirectory } from '@due-regard/councils';
import { EVENT_STORE, loadState, type EventStore } from '@due-regard/event-store';
import type { IntegrityAlarm, IntegrityAlarms } from '@due-regard/platform';
import { integrityAlarmDecider, type IntegrityAlarmState } from '../domain/integrity-alarm.js';
import { auditStreams } from '../integrity/audit-streams.js';

/** Each council's integrity alarm, folded from its alarm stream: what /health and the pages' banner show. */
@Injectable()
export class IntegrityAlarmReader implements IntegrityAlarms {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly councils: CouncilDirectory,
  ) {}

  async of(council: string): Promise<IntegrityAlarmState> {
    return (await loadState(this.store, auditStreams.alarm(council), integrityAlarmDecider)).state;
  }

  async raised(): Promise<readonly IntegrityAlarm[]> {
    const alarms: IntegrityAlarm[] = [];
    for (const { slug } of this.councils.list()) {
      const state = await this.of(slug);
      if (state.breaks.length > 0) {
        alarms.push({ council: slug, since: state.since, streams: [...new Set(state.breaks.map((b) => b.stream))] });
      }
    }
    return alarms;
  }
}
