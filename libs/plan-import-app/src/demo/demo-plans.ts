import { CouncilDueSettings, RecordProgressCommand } from '@due-regard/plans';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import pg from 'pg';
import { EVENT_STORE, START, streamName, type EventStore } from '@due-regard/event-store';
import { RequestContext } from '@due-regard/identity';
import { parsePlanDocument } from '@due-regard/plan-import';
import { Database } from '@due-regard/platform';
import type { CommitResult } from '../commit/commit-types.js';
import { importDefaultsFor } from '../commit/document-lines.js';
import { ImportCommitter, importPrincipal } from '../commit/import-committer.js';
import { DEMO_PLANS, DEMO_PLANS_DIRECTORY, DEMO_REALM_FILE, type DemoPlan } from './demo-fixtures.js';
import { realmUser } from './realm-users.js';

export interface DemoSeedOptions {
  /** The councils to seed (those registered); every demo council by default. */
  readonly councils?: readonly string[];
  /** Where the fixtures are; `infra/demo/plans` from the working directory by default. */
  readonly directory?: string;
  readonly realmFile?: string;
}

export interface DemoSeeded {
  readonly council: string;
  readonly file: string;
  readonly result: CommitResult;
  /** Progress entries the demo users recorded after the import. */
  readonly userProgress: number;
}

const SEED_LOCK = 'plan-import.demo-seed';

/**
 * The demo councils' plans, imported through the import path (parse, then ImportCommitter) from
 * the fixtures shipped in `infra/demo/plans`. A council is seeded only while it has no strategy,
 * so a restart never imports twice; processes starting together take turns on an advisory lock.
 */
@Injectable()
export class DemoPlans {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly committer: ImportCommitter,
    private readonly commandBus: CommandBus,
    private readonly context: RequestContext,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly database: Database,
    private readonly settings: CouncilDueSettings,
  ) {}

  /** Whether any strategy was ever drafted in the council. */
  async hasStrategies(council: string): Promise<boolean> {
    let after = START;
    for (;;) {
      const batch = await this.store.readAll({
        after,
        batchSize: 1,
        tenantId: council,
        eventTypes: ['StrategyDrafted'],
      });
      if (batch.events.length > 0) return true;
      if (batch.caughtUp) return false;
      after = batch.position;
    }
  }

  async seed(options: DemoSeedOptions = {}): Promise<DemoSeeded[]> {
    const councils = new Set(options.councils ?? DEMO_PLANS.map((plan) => plan.council));
    const lock = new pg.Client({ connectionString: this.database.connectionString });
    await lock.connect();
    try {
      const { rows } = await lock.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [
        SEED_LOCK,
      ]);
      if (rows[0]?.locked !== true) {
        this.logger.log('Another process is importing the demo plans');
        return [];
      }
      const seeded: DemoSeeded[] = [];
      for (const council of councils) {
        if (await this.hasStrategies(council)) continue;
        for (const plan of DEMO_PLANS.filter((candidate) => candidate.council === council)) {
          seeded.push(await this.importPlan(plan, options));
        }
      }
      return seeded;
    } finally {
      await lock.end();
    }
  }

  private async importPlan(plan: DemoPlan, options: DemoSeedOptions): Promise<DemoSeeded> {
    const file = path.resolve(options.directory ?? DEMO_PLANS_DIRECTORY, plan.file);
    const input = { fileName: plan.file, bytes: new Uint8Array(await readFile(file)) };
    // Read as the council reads its own quarters (its setting: calendar unless it chose financial).
    const quarterConvention = await this.settings.quarterConvention(plan.council);
    const preview = await parsePlanDocument(input, { quarterConvention });
    const result = await this.committer.commit(preview, {
      council: plan.council,
      document: { name: plan.file, sha256: preview.source.sha256 },
      // Published, closed, the strategy archived: the council's administrator's to do.
      principal: importPrincipal(plan.council, 'council-admin'),
      defaults: await importDefaultsFor(input, preview, this.committer.today()),
      lifecycle: plan.lifecycle,
      quarterConvention,
      dates: plan.dates,
      archiveStrategy: plan.archiveStrategy,
      ...(plan.progressAsOf === undefined ? {} : { progressAsOf: plan.progressAsOf }),
    });
    const userProgress = await this.recordUserProgress(plan, result, options.realmFile ?? DEMO_REALM_FILE);
    this.logger.log(
      `Imported ${plan.council}'s ${result.plan.title} (${result.plan.status}): ${result.objectives} objectives, ${result.actions} actions`,
    );
    return { council: plan.council, file: plan.file, result, userProgress };
  }

  /** The demo lead's progress, with their realm subject id as the actor, as if entered in the app. */
  private async recordUserProgress(plan: DemoPlan, result: CommitResult, realmFile: string): Promise<number> {
    if (plan.progressBy === undefined) return 0;
    const principal = await realmUser(realmFile, plan.progressBy.username);
    if (principal === null) {
      this.logger.warn(`No user ${plan.progressBy.username} in ${realmFile}: the demo progress is left out`);
      return 0;
    }
    const registered = await this.store.readStream(streamName('plan', plan.council, result.plan.id));
    const actionIds = new Map<string, string>();
    for (const event of registered) {
      const { actionId, ref } = event.data;
      if (event.type === 'ActionRegistered' && typeof actionId === 'string' && typeof ref === 'string') {
        actionIds.set(ref, actionId);
      }
    }
    const entries = plan.progressBy.entries;
    return this.context.run(
      {
        tenant: { kind: 'council', slug: plan.council },
        correlationId: randomUUID(),
        source: 'ui',
        principal,
        metadataExtra: { demoData: true },
      },
      async () => {
        let recorded = 0;
        for (const entry of entries) {
          const actionId = actionIds.get(entry.ref);
          if (actionId === undefined) continue;
          await this.commandBus.execute(
            new RecordProgressCommand(
              result.plan.id,
              actionId,
              { status: entry.status, rag: entry.rag, narrative: entry.narrative, asOf: entry.asOf },
              undefined,
            ),
          );
          recorded += 1;
        }
        return recorded;
      },
    );
  }
}
