import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, loadState, type EventStore } from '@due-regard/event-store';
import { CouncilDueSettings, type CouncilCalendar } from '@due-regard/plans';
import {
  councilDecider,
  DEFAULT_COUNCIL_SETTINGS,
  type CouncilDetails,
  type CouncilSettings,
} from '../domain/council.js';
import { councilStream } from '../register-council/register-council.handler.js';
import { type QuarterConvention } from '@due-regard/shared-kernel';

/** A council as its own stream has it now: details, settings, and the stream's version (its ETag). */
export interface CouncilWithSettings {
  readonly council: CouncilDetails;
  readonly settings: CouncilSettings;
  readonly version: number;
}

/**
 * Reads a council's settings from its own stream (`council-platform.<slug>`), so a change is seen
 * at once by every process (API, worker, CLI). Also the plans library's `CouncilDueSettings` port.
 */
@Injectable()
export class CouncilSettingsReader extends CouncilDueSettings {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    super();
  }

  /** The council, or null when no council has this slug. */
  async read(slug: string): Promise<CouncilWithSettings | null> {
    const { state, version } = await loadState(this.store, councilStream(slug), councilDecider);
    return state.status === 'registered' ? { council: state.council, settings: state.settings, version } : null;
  }

  /** The defaults for a slug no council has (no request reaches an unregistered council's sub-domain). */
  async settings(slug: string): Promise<CouncilSettings> {
    return (await this.read(slug))?.settings ?? DEFAULT_COUNCIL_SETTINGS;
  }

  async quarterConvention(councilSlug: string): Promise<QuarterConvention> {
    return (await this.settings(councilSlug)).quarterConvention;
  }

  async calendar(councilSlug: string): Promise<CouncilCalendar> {
    const { quarterConvention, updateCycle } = await this.settings(councilSlug);
    return { quarterConvention, cycle: updateCycle };
  }
}
