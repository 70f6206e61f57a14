import {
  Inject,
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type Provider,
} from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import {
  CHECKPOINT_SIGNER,
  CheckpointSigner,
  EVENT_STORE,
  EventStoreDbEventStore,
  PostgresEventStore,
  Upcasters,
  type EventStore,
  type Upcaster,
} from '@due-regard/event-store';
import { errorMessage, StartupError } from '../bootstrap/startup-error.js';
import { AppConfig } from '../config/app-config.js';
import { Database } from '../database/database.js';
import { Metrics } from '../metrics/metrics.js';
import { DEV_SIGNING_KEY_FILE, loadOrCreateDevSigningKey } from './signing-key.js';

/** Upcasters one module contributes; see EventStoreModule.forUpcasters. */
export class UpcasterContribution {
  constructor(readonly upcasters: readonly Upcaster[]) {}
}

@Module({})
class UpcasterContributionModule {}

@Injectable()
class EventStoreLifecycle implements BeforeApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async beforeApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

const logger = new Logger('EventStore');

async function signerFor(config: AppConfig): Promise<CheckpointSigner> {
  const { pem, keyId } = config.eventStore.signingKey;
  if (pem !== undefined) return CheckpointSigner.fromPem(pem, keyId);
  const devKey = await loadOrCreateDevSigningKey(DEV_SIGNING_KEY_FILE);
  if (devKey.created) {
    logger.warn(
      `EVENT_STORE_SIGNING_KEY is not set: generated a development checkpoint signing key in ${DEV_SIGNING_KEY_FILE}`,
    );
  }
  return CheckpointSigner.fromPem(devKey.pem, keyId);
}

function contributedUpcasters(discovery: DiscoveryService): Upcasters {
  const upcasters = new Upcasters();
  for (const wrapper of discovery.getProviders()) {
    // Value providers are instantiated when registered, so every contribution is visible here.
    if (wrapper.instance instanceof UpcasterContribution) {
      for (const upcaster of wrapper.instance.upcasters) upcasters.register(upcaster);
    }
  }
  return upcasters;
}

async function createEventStore(
  config: AppConfig,
  database: Database,
  discovery: DiscoveryService,
  metrics: Metrics,
  signer: CheckpointSigner,
): Promise<EventStore> {
  const upcasters = contributedUpcasters(discovery);
  const backend = config.eventStore.backend;
  try {
    switch (backend.kind) {
      case 'postgres':
        return await PostgresEventStore.create({
          connectionString: database.connectionString,
          signer,
          upcasters,
          observer: metrics,
        });
      case 'eventstoredb':
        return await EventStoreDbEventStore.create({ connectionString: backend.url, signer, upcasters });
    }
  } catch (error) {
    throw new StartupError(`The ${backend.kind} event store could not be opened: ${errorMessage(error)}`);
  }
}

const signerProvider: Provider = {
  provide: CHECKPOINT_SIGNER,
  inject: [AppConfig],
  useFactory: signerFor,
};

const eventStoreProvider: Provider = {
  provide: EVENT_STORE,
  inject: [AppConfig, Database, DiscoveryService, Metrics, CHECKPOINT_SIGNER],
  useFactory: createEventStore,
};

/**
 * Provides the EVENT_STORE port and the CHECKPOINT_SIGNER it signs with (the configured key, or a
 * development key under .data/), built from configuration (EVENT_STORE=postgres|eventstoredb) with
 * every contributed upcaster, and closes it on shutdown.
 */
@Module({})
export class EventStoreModule {
  static forRoot(): DynamicModule {
    return {
      module: EventStoreModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [signerProvider, eventStoreProvider, EventStoreLifecycle],
      exports: [EVENT_STORE, CHECKPOINT_SIGNER],
    };
  }

  /**
   * Contributes upcasters to the one event store: import `EventStoreModule.forUpcasters([...])`
   * in the module that owns the event types. All contributions are collected at start-up.
   */
  static forUpcasters(upcasters: readonly Upcaster[]): DynamicModule {
    return {
      module: UpcasterContributionModule,
      providers: [{ provide: Symbol('UpcasterContribution'), useValue: new UpcasterContribution(upcasters) }],
    };
  }
}
