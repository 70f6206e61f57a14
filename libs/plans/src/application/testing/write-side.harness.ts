import { randomUUID } from 'node:crypto';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { CommandBus, QueryBus, type Command, type Query } from '@nestjs/cqrs';
import { Test, type TestingModule } from '@nestjs/testing';
import { EVENT_STORE, START, type EventStore, type RecordedEvent, type Upcaster } from '@due-regard/event-store';
import { RequestContext, type Principal } from '@due-regard/identity';
import { EventStoreModule, loadConfig, PlatformModule } from '@due-regard/platform';
import { CLOCK, DEFAULT_UPDATE_CYCLE, type Clock, type QuarterConvention } from '@due-regard/shared-kernel';
import type { CouncilCalendar } from '../../domain/next-due.js';
import { createTestDatabase, type TestDatabase, testEnvironment } from '@due-regard/testing';
import { PlansWriteModule } from '../plans-write.module.js';
import { CouncilDueSettings } from '../shared/council-due-settings.js';

/** The councils' settings as a test sets them (the councils library reads them from each council's stream). */
export class InMemoryCouncilDueSettings extends CouncilDueSettings {
  private readonly conventions = new Map<string, QuarterConvention>();

  set(councilSlug: string, convention: QuarterConvention): void {
    this.conventions.set(councilSlug, convention);
  }

  quarterConvention(councilSlug: string): Promise<QuarterConvention> {
    return Promise.resolve(this.conventions.get(councilSlug) ?? 'calendar');
  }

  calendar(councilSlug: string): Promise<CouncilCalendar> {
    return Promise.resolve({
      quarterConvention: this.conventions.get(councilSlug) ?? 'calendar',
      cycle: DEFAULT_UPDATE_CYCLE,
    });
  }
}

@Global()
@Module({
  providers: [RequestContext, { provide: CouncilDueSettings, useClass: InMemoryCouncilDueSettings }],
  exports: [RequestContext, CouncilDueSettings],
})
class TestRequestContextModule {}

/** A council user of the demo realm, as the access guard would have signed them in. */
export function councilUser(councilSlug: string, role: string, teams: readonly string[] = []): Principal {
  return {
    subject: randomUUID(),
    username: `${councilSlug}.${role}`,
    displayName: `${councilSlug} ${role}`,
    clientId: 'due-regard-cli',
    groups: [`/councils/${councilSlug}/${role}`, ...teams.map((team) => `/councils/${councilSlug}/teams/${team}`)],
    realmRoles: [],
  };
}

export interface WriteSideOptions {
  readonly upcasters?: readonly Upcaster[];
  readonly clock?: Clock;
}

/**
 * The plans write side on a real PostgreSQL database of its own (event store and idempotency
 * table), without HTTP: commands and queries go through the buses inside a request context, as a
 * controller would send them. Dropped on `close()`.
 */
export class WriteSide {
  private constructor(
    readonly database: TestDatabase,
    readonly moduleRef: TestingModule,
    readonly store: EventStore,
    readonly context: RequestContext,
    readonly councilSettings: InMemoryCouncilDueSettings,
  ) {}

  static async start(options: WriteSideOptions = {}): Promise<WriteSide> {
    const database = await createTestDatabase('dr_plans_write');
    const config = loadConfig(testEnvironment(database.url));
    const imports: DynamicModule['imports'] = [
      PlatformModule.forRoot(config),
      TestRequestContextModule,
      PlansWriteModule,
      ...(options.upcasters === undefined ? [] : [EventStoreModule.forUpcasters(options.upcasters)]),
    ];
    let builder = Test.createTestingModule({ imports });
    if (options.clock !== undefined) builder = builder.overrideProvider(CLOCK).useValue(options.clock);
    const moduleRef = await builder.compile();
    await moduleRef.init();
    const settings = moduleRef.get(CouncilDueSettings);
    if (!(settings instanceof InMemoryCouncilDueSettings)) throw new Error('The test council settings were replaced');
    return new WriteSide(
      database,
      moduleRef,
      moduleRef.get<EventStore>(EVENT_STORE),
      moduleRef.get(RequestContext),
      settings,
    );
  }

  /** Runs `work` as `principal`, in `councilSlug`'s sub-domain. */
  as<T>(principal: Principal, work: () => Promise<T>, councilSlug = 'charnwood'): Promise<T> {
    return this.context.run(
      { tenant: { kind: 'council', slug: councilSlug }, correlationId: randomUUID(), source: 'api', principal },
      work,
    );
  }

  command<R>(principal: Principal, command: Command<R>, councilSlug = 'charnwood'): Promise<R> {
    return this.as(principal, () => this.moduleRef.get(CommandBus).execute(command), councilSlug);
  }

  query<R>(principal: Principal, query: Query<R>, councilSlug = 'charnwood'): Promise<R> {
    return this.as(principal, () => this.moduleRef.get(QueryBus).execute(query), councilSlug);
  }

  /** Every event of a council, in global order. */
  async eventsOf(councilSlug = 'charnwood'): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    let after = START;
    for (;;) {
      const batch = await this.store.readAll({ after, batchSize: 500, tenantId: councilSlug });
      events.push(...batch.events);
      after = batch.position;
      if (batch.caughtUp) return events;
    }
  }

  async close(): Promise<void> {
    await this.moduleRef.close();
    await this.database.drop();
  }
}
