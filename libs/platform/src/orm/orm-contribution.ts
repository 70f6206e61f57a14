import type { EntitySchema, MigrationObject } from '@mikro-orm/core';

/**
 * What one feature module brings to the shared MikroORM: its entities and its migrations (in the
 * order they apply). Migration names are global: prefix them with the feature, e.g.
 * `plans-read-model/0001-tables`.
 */
export class OrmContribution {
  constructor(
    readonly feature: string,
    readonly entities: readonly EntitySchema[],
    readonly migrations: readonly MigrationObject[],
  ) {}
}
