import { Inject, Injectable } from '@nestjs/common';
import { councilStream, DEMO_COUNCILS, RegisterCouncilCommand, RegisterCouncilHandler } from '@due-regard/councils';
import { ConcurrencyError, EVENT_STORE, type EventStore } from '@due-regard/event-store';
import { RequestContext, SYSTEM_PRINCIPAL } from '@due-regard/identity';
import { CouncilRebuilder } from '@due-regard/plans';
import { AppConfig, Database } from '@due-regard/platform';
import { IMPORTS_SCHEMA } from '../uploads/imports.migrations.js';
import { DemoPlans, type DemoSeeded } from './demo-plans.js';

/** The PostgreSQL event store's schema (its default). */
const EVENT_STORE_SCHEMA = 'event_store';
const IDEMPOTENCY_TABLE = 'http_idempotency.requests';

/** A reset the configuration does not allow: one line for the operator. */
export class DemoResetRefused extends Error {
  override readonly name = 'DemoResetRefused';
}

export interface DemoResetReport {
  /** The tenants whose events, uploads and read models were wiped. */
  readonly wiped: readonly string[];
  readonly eventsDeleted: number;
  readonly councilsRegistered: readonly string[];
  readonly seeded: readonly DemoSeeded[];
}

/**
 * `npm run demo:reset`: wipes the demo councils' events (every stream of their tenants), uploads,
 * idempotency keys and read models, then imports their demo plans again; with `all`, every tenant
 * of the development database, the platform's council registrations included, and registers the
 * demo councils again first. Never in production, and only on the PostgreSQL event store (events
 * are never deleted anywhere else). Stop the app first, or restart it after: its council
 * directory and caches still remember what was wiped.
 */
@Injectable()
export class DemoReset {
  constructor(
    private readonly config: AppConfig,
    private readonly database: Database,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly demo: DemoPlans,
    private readonly rebuilder: CouncilRebuilder,
    private readonly registerCouncil: RegisterCouncilHandler,
    private readonly context: RequestContext,
  ) {}

  async reset(options: { readonly all?: boolean } = {}): Promise<DemoResetReport> {
    if (this.config.production) throw new DemoResetRefused('demo:reset never runs in production (NODE_ENV=production)');
    if (this.config.eventStore.backend.kind !== 'postgres') {
      throw new DemoResetRefused('demo:reset wipes the PostgreSQL event store only (EVENT_STORE=postgres)');
    }
    const demoSlugs = DEMO_COUNCILS.map((council) => council.slug);
    const wiped = options.all === true ? await this.allTenants() : demoSlugs;
    const eventsDeleted = await this.wipe(wiped);
    const councilsRegistered = await this.registerDemoCouncils();
    const seeded = await this.demo.seed({ councils: demoSlugs });
    for (const tenant of new Set([...wiped, ...demoSlugs])) {
      if (tenant !== 'platform') await this.rebuilder.rebuild(tenant);
    }
    return { wiped, eventsDeleted, councilsRegistered, seeded };
  }

  private async allTenants(): Promise<string[]> {
    const { rows } = await this.database.pool.query<{ tenant_id: string }>(
      `SELECT DISTINCT tenant_id FROM ${EVENT_STORE_SCHEMA}.streams ORDER BY tenant_id`,
    );
    return rows.map((row) => row.tenant_id);
  }

  private async wipe(tenants: readonly string[]): Promise<number> {
    const client = await this.database.pool.connect();
    try {
      await client.query('BEGIN');
      const deleted = await client.query(`DELETE FROM ${EVENT_STORE_SCHEMA}.events WHERE tenant_id = ANY($1::text[])`, [
        tenants,
      ]);
      await client.query(`DELETE FROM ${EVENT_STORE_SCHEMA}.streams WHERE tenant_id = ANY($1::text[])`, [tenants]);
      for (const table of [`${IMPORTS_SCHEMA}.imports`, IDEMPOTENCY_TABLE]) {
        const { rows } = await client.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [
          table,
        ]);
        if (rows[0]?.present === true) {
          await client.query(`DELETE FROM ${table} WHERE tenant_id = ANY($1::text[])`, [tenants]);
        }
      }
      await client.query('COMMIT');
      return deleted.rowCount ?? 0;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  /** The demo councils whose registration was wiped (or never made), registered again. */
  private async registerDemoCouncils(): Promise<string[]> {
    const registered: string[] = [];
    await this.context.run(
      { tenant: { kind: 'platform' }, correlationId: 'demo-reset', source: 'system', principal: SYSTEM_PRINCIPAL },
      async () => {
        for (const council of DEMO_COUNCILS) {
          if ((await this.store.streamVersion(councilStream(council.slug))) > 0) continue;
          try {
            await this.registerCouncil.execute(new RegisterCouncilCommand(council));
            registered.push(council.slug);
          } catch (error) {
            if (!(error instanceof ConcurrencyError)) throw error;
          }
        }
      },
    );
    return registered;
  }
}
