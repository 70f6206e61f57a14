import { randomUUID } from 'node:crypto';
import { TenantRegistry } from '@due-regard/identity';
import { Database, Metrics } from '@due-regard/platform';
import { PLANS_READ_MODEL_SUBSCRIPTION } from '../projection/plans-projection.js';
import { PlansReadModelDatabase } from '../read-model-database.js';
import { PlansWriter, ReadModelHarness } from '../testing/read-model-harness.js';
import { ProjectionLagQueries } from './projection-lag.js';

/** The two councils of this test, as the council directory would list them. */
class TwoCouncils extends TenantRegistry {
  isRegistered(slug: string): Promise<boolean> {
    return Promise.resolve(this.registeredSlugs().includes(slug));
  }

  registeredSlugs(): readonly string[] {
    return ['charnwood', 'leeds'];
  }
}

/** A sample line's value from the Prometheus exposition. */
function sample(exposition: string, line: string): number | undefined {
  const found = exposition.split('\n').find((candidate) => candidate.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

// Each council's lag behind the plans projection's stored checkpoint, in PostgreSQL: events of the
// council after the checkpoint are counted, the oldest aged; the gauges scrape the same figures.
describe('the projection lag per council', () => {
  let harness: ReadModelHarness;
  let database: Database;
  let readModels: PlansReadModelDatabase;
  let metrics: Metrics;
  let lag: ProjectionLagQueries;

  beforeAll(async () => {
    harness = await ReadModelHarness.start();
    database = await Database.open({ url: harness.database.url, embedded: { dataDir: '.data/unused', port: 1 } });
    readModels = new PlansReadModelDatabase(database);
    metrics = new Metrics();
    lag = new ProjectionLagQueries(harness.store, readModels, new TwoCouncils(), metrics);
  });

  afterAll(async () => {
    await readModels?.onApplicationShutdown();
    await database?.beforeApplicationShutdown();
    await harness?.dispose();
  });

  it('counts each council’s unprojected events, ages the oldest, and is nothing once projected', async () => {
    const charnwood = new PlansWriter(harness.store, 'charnwood');
    await charnwood.draftStrategy(randomUUID(), [randomUUID(), randomUUID()]);
    const strategyEvents = await harness.store.countEvents({ tenantId: 'charnwood' });
    expect(strategyEvents).toBe(3);

    const now = new Date(Date.now() + 60_000);
    const before = await lag.ofCouncils(['charnwood', 'leeds'], now);
    expect(before.map(({ council, eventsBehind }) => ({ council, eventsBehind }))).toEqual([
      { council: 'charnwood', eventsBehind: 3 },
      { council: 'leeds', eventsBehind: 0 },
    ]);
    expect(before[0]?.oldestUnprojectedSeconds).toBeGreaterThanOrEqual(60);
    expect(before[1]?.oldestUnprojectedSeconds).toBeNull();
    expect(before[0]?.position).toBe('0/0');

    const scraped = (await metrics.exposition()).body;
    expect(sample(scraped, 'projection_lag_events{council="charnwood"}')).toBe(3);
    expect(sample(scraped, 'projection_lag_events{council="leeds"}')).toBe(0);
    expect(sample(scraped, 'projection_lag_oldest_seconds{council="leeds"}')).toBe(0);
    expect(sample(scraped, `projection_position{projection="${PLANS_READ_MODEL_SUBSCRIPTION}"}`)).toBe(0);

    harness.subscribe();
    await harness.projected();
    const after = await lag.ofCouncils(['charnwood', 'leeds'], now);
    expect(
      after.map(({ eventsBehind, oldestUnprojectedSeconds }) => ({ eventsBehind, oldestUnprojectedSeconds })),
    ).toEqual([
      { eventsBehind: 0, oldestUnprojectedSeconds: null },
      { eventsBehind: 0, oldestUnprojectedSeconds: null },
    ]);
    const checkpoint = await lag.checkpoint();
    expect(checkpoint.commit).toBeGreaterThan(0n);
    const rescraped = (await metrics.exposition()).body;
    expect(sample(rescraped, 'projection_lag_events{council="charnwood"}')).toBe(0);
    expect(sample(rescraped, `projection_position{projection="${PLANS_READ_MODEL_SUBSCRIPTION}"}`)).toBe(
      Number(checkpoint.commit),
    );
  });
});
