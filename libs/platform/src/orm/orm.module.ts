import { Inject, Injectable, Logger, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Migration, Migrator } from '@mikro-orm/migrations';
import { defineConfig, MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import pg from 'pg';
import { Database } from '../database/database.js';
import { COUNCIL_ROLES_SQL } from './council-isolation.js';
import { CouncilReadModels } from './council-read-models.js';
import { OrmContribution } from './orm-contribution.js';

/** Creates the roles every council-isolated read model relies on. */
class CreateCouncilRoles extends Migration {
  up(): void {
    this.addSql(COUNCIL_ROLES_SQL);
  }
}

const PLATFORM_CONTRIBUTION = new OrmContribution(
  'platform',
  [],
  [{ name: 'platform/0001-council-roles', class: CreateCouncilRoles }],
);

/** Apps starting together (API, projector, worker) migrate one at a time. */
const MIGRATION_LOCK = 'due-regard.orm-migrations';

function contributions(discovery: DiscoveryService): OrmContribution[] {
  const found: OrmContribution[] = [];
  for (const wrapper of discovery.getProviders()) {
    // Value providers are instantiated when registered, so every contribution is visible here.
    if (wrapper.instance instanceof OrmContribution && !found.includes(wrapper.instance)) found.push(wrapper.instance);
  }
  return found;
}

/**
 * The MikroORM configuration for read models: PostgreSQL, the platform's migrations then the
 * contributed entities and migrations, nothing read from or written to files.
 */
export function readModelOrmOptions(connectionString: string, features: readonly OrmContribution[]) {
  const from = [PLATFORM_CONTRIBUTION, ...features.filter((feature) => feature !== PLATFORM_CONTRIBUTION)];
  return defineConfig({
    clientUrl: connectionString,
    entities: from.flatMap((contribution) => contribution.entities),
    extensions: [Migrator],
    ensureDatabase: false,
    allowGlobalContext: false,
    pool: { min: 0, max: 10, idleTimeoutMillis: 30_000 },
    discovery: { warnWhenNoEntities: false },
    migrations: {
      migrationsList: from.flatMap((contribution) => contribution.migrations),
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      // Migrations are classes in the code; nothing is written to disk at run time.
      snapshot: false,
      silent: true,
    },
  });
}

/**
 * Applies pending migrations while holding a PostgreSQL advisory lock, so that apps starting at
 * the same moment migrate one after the other. The lock is held by a connection of its own.
 */
export async function migrateUnderLock(orm: MikroORM, connectionString: string): Promise<string[]> {
  const lockHolder = new pg.Client({ connectionString, application_name: 'due-regard-migrations' });
  await lockHolder.connect();
  try {
    await lockHolder.query('SELECT pg_advisory_lock(hashtext($1))', [MIGRATION_LOCK]);
    const applied = await orm.migrator.up();
    return applied.map((migration) => migration.name);
  } finally {
    await lockHolder.query('SELECT pg_advisory_unlock(hashtext($1))', [MIGRATION_LOCK]).catch(() => undefined);
    await lockHolder.end();
  }
}

@Injectable()
class OrmMigrations implements OnModuleInit {
  private readonly logger = new Logger('ReadModels');

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly database: Database,
  ) {}

  /** Before any application bootstrap hook (projections) and before the HTTP listener opens. */
  async onModuleInit(): Promise<void> {
    const applied = await migrateUnderLock(this.orm, this.database.connectionString);
    if (applied.length > 0) this.logger.log(`Applied read model migrations: ${applied.join(', ')}`);
  }
}

@Module({})
class OrmContributionModule {}

/**
 * MikroORM for read models, on the platform's PostgreSQL. Global: import it from any feature that
 * has read models, and contribute entities and migrations with `OrmModule.forFeature(...)`.
 * Migrations run at start-up, under an advisory lock.
 */
@Module({
  imports: [
    DiscoveryModule,
    MikroOrmModule.forRootAsync({
      driver: PostgreSqlDriver,
      imports: [DiscoveryModule],
      inject: [Database, DiscoveryService],
      useFactory: (database: Database, discovery: DiscoveryService) => ({
        ...readModelOrmOptions(database.connectionString, contributions(discovery)),
        // Entity managers are forked explicitly, per council (see CouncilReadModels).
        registerRequestContext: false,
      }),
    }),
  ],
  providers: [OrmMigrations, CouncilReadModels],
  exports: [CouncilReadModels],
})
export class OrmModule {
  static forFeature(contribution: OrmContribution): DynamicModule {
    return {
      module: OrmContributionModule,
      providers: [{ provide: Symbol(`OrmContribution:${contribution.feature}`), useValue: contribution }],
    };
  }
}
