import { Inject, Injectable } from '@nestjs/common';
import { CommandRunner, type CommandSession, type Handled } from '@due-regard/commands';
import { EVENT_STORE, loadState, type EventStore } from '@due-regard/event-store';
import { RequestContext } from '@due-regard/identity';
import { actionDecider, type Action } from '@due-regard/plans';
import { CLOCK, decideAll, NotFound, type Clock } from '@due-regard/shared-kernel';
import { AccreditationCatalogue, type CatalogueScheme } from '../../catalogue/accreditation-catalogue.js';
import {
  journeyDecider,
  type JourneyCommand,
  type JourneyEvent,
  type JourneyState,
} from '../../domain/accreditation.js';
import type { CalendarDay } from '../../domain/award-dates.js';
import type { SchemeVersion } from '../../domain/scheme.js';
import { accreditationStream, actionStream } from './accreditation-streams.js';
import { ukDay } from './uk-today.js';

export interface LoadedJourney {
  readonly state: JourneyState;
  /** The stream's version: the journey's ETag (0 before it starts). */
  readonly version: number;
}

export interface JourneyChange extends LoadedJourney {
  /** What the command recorded, in order: the sweep reports these. */
  readonly events: readonly JourneyEvent[];
}

/** An action linked as evidence, as pages and answers name it ("2.6 Achieve Disability Confident Leader"). */
export interface LinkedAction {
  readonly actionId: string;
  readonly planId: string;
  readonly ref: string | null;
  readonly title: string;
}

/**
 * What the accreditations handlers share, over the one write path (`CommandRunner`): the council of
 * the request or job (never a body), the clock, the catalogue, and a journey's stream loaded through
 * the command's session with the catalogue's facts of the version it is on.
 */
@Injectable()
export class Journeys {
  constructor(
    private readonly runner: CommandRunner,
    private readonly context: RequestContext,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    readonly catalogue: AccreditationCatalogue,
  ) {}

  councilSlug(): string {
    return this.context.councilSlug();
  }

  today(): CalendarDay {
    return ukDay(this.clock.now());
  }

  /** The scheme of a route; 404 when the catalogue has none of that key. */
  scheme(key: string): CatalogueScheme {
    const scheme = this.catalogue.scheme(key);
    if (scheme === undefined) throw new NotFound(`There is no accreditation scheme "${key}"`);
    return scheme;
  }

  /** The catalogue's facts of the version a journey is on, or the newest for one not started. */
  versionOf(key: string, state: JourneyState): SchemeVersion {
    const version =
      state.status === 'none' ? this.catalogue.latest(key) : this.catalogue.version(key, state.schemeVersion);
    if (version === undefined) {
      // Versions are never removed from the catalogue: a journey on one it lacks is a deployment fault.
      throw new Error(`The catalogue has no version of ${key} that the journey is on`);
    }
    return version;
  }

  /**
   * Runs commands on the council's journey on a scheme: `commands` sees the journey and the facts of
   * the version it is on, and lists the commands, decided one after another; everything they decide
   * is recorded at once, or nothing is.
   */
  change(
    key: string,
    ifMatch: number | undefined,
    commands: (
      state: JourneyState,
      scheme: SchemeVersion,
      session: CommandSession,
    ) => readonly JourneyCommand[] | Promise<readonly JourneyCommand[]>,
  ): Promise<Handled<JourneyChange>> {
    this.scheme(key);
    const stream = accreditationStream(this.councilSlug(), key);
    return this.runner.run(async (session) => {
      const { state } = await session.load(stream, journeyDecider, { ifMatch });
      const events = decideAll(journeyDecider, state, await commands(state, this.versionOf(key, state), session));
      const version = session.record(stream, events);
      const after = events.reduce((folded, event) => journeyDecider.evolve(folded, event), state);
      return { state: after, version, events };
    });
  }

  /** The council's journey on a scheme as it is now, read through the event store port. */
  read(councilSlug: string, key: string): Promise<LoadedJourney> {
    return loadState(this.store, accreditationStream(councilSlug, key), journeyDecider);
  }

  /** An action of the council, or null when it has none of that id: for checking and naming evidence. */
  async action(session: CommandSession, actionId: string): Promise<Action | null> {
    const { state } = await session.load(actionStream(this.councilSlug(), actionId), actionDecider);
    return state.status === 'none' ? null : state;
  }

  /** The actions linked as evidence, named; an id no longer found is left out. */
  async linkedActions(councilSlug: string, actionIds: readonly string[]): Promise<Map<string, LinkedAction>> {
    const found = new Map<string, LinkedAction>();
    for (const actionId of new Set(actionIds)) {
      const { state } = await loadState(this.store, actionStream(councilSlug, actionId), actionDecider);
      if (state.status !== 'none') {
        found.set(actionId, { actionId, planId: state.planId, ref: state.ref, title: state.title });
      }
    }
    return found;
  }
}
