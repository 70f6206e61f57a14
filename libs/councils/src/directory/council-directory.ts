import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { EVENT_STORE, START, type EventStore, type GlobalPosition } from '@due-regard/event-store';
import { TenantRegistry } from '@due-regard/identity';
import {
  DEFAULT_COUNCIL_SETTINGS,
  type CouncilDetails,
  type CouncilRegistered,
  type CouncilSettings,
  type CouncilSettingsChanged,
} from '../domain/council.js';

export interface RegisteredCouncil extends CouncilDetails {
  /** Version of the council's stream: its ETag. */
  readonly version: number;
  readonly registeredAt: string;
  /** As last caught up; `CouncilSettingsReader` reads them from the council's stream when they must be current. */
  readonly settings: CouncilSettings;
}

/**
 * Every registered council, kept in memory from `CouncilRegistered` events: small, read on every
 * request to resolve the sub-domain, and caught up whenever events are appended anywhere.
 */
@Injectable()
export class CouncilDirectory extends TenantRegistry implements OnModuleInit, OnApplicationShutdown {
  private readonly councils = new Map<string, RegisteredCouncil>();
  private position: GlobalPosition = START;
  private catchingUp: Promise<void> | null = null;
  private unwatch: (() => void) | null = null;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    super();
  }

  async isRegistered(slug: string): Promise<boolean> {
    return (await this.find(slug)) !== null;
  }

  async onModuleInit(): Promise<void> {
    await this.catchUp();
    this.unwatch = this.store.watchAppends(() => void this.catchUp().catch(() => undefined));
  }

  onApplicationShutdown(): void {
    this.unwatch?.();
  }

  /** The council, reading the log once more before answering that it does not exist. */
  async find(slug: string): Promise<RegisteredCouncil | null> {
    const known = this.councils.get(slug);
    if (known) return known;
    await this.catchUp();
    return this.councils.get(slug) ?? null;
  }

  registeredSlugs(): readonly string[] {
    return this.list().map((council) => council.slug);
  }

  list(): RegisteredCouncil[] {
    return [...this.councils.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Single-flight: concurrent callers share one read. */
  catchUp(): Promise<void> {
    this.catchingUp ??= this.readNewEvents().finally(() => {
      this.catchingUp = null;
    });
    return this.catchingUp;
  }

  private async readNewEvents(): Promise<void> {
    for (;;) {
      const batch = await this.store.readAll({
        after: this.position,
        batchSize: 500,
        tenantId: 'platform',
        eventTypes: ['CouncilRegistered', 'CouncilSettingsChanged'],
      });
      for (const event of batch.events) {
        if (event.type === 'CouncilSettingsChanged') {
          const { slug, settings } = event.data as CouncilSettingsChanged['data'];
          const known = this.councils.get(slug);
          if (known) this.councils.set(slug, { ...known, settings, version: event.streamVersion });
          continue;
        }
        const { settings, ...details } = event.data as CouncilRegistered['data'];
        this.councils.set(details.slug, {
          ...details,
          settings: settings ?? DEFAULT_COUNCIL_SETTINGS,
          version: event.streamVersion,
          registeredAt: event.recordedAt.toISOString(),
        });
      }
      this.position = batch.position;
      if (batch.caughtUp) return;
    }
  }
}
