import { RequestContext } from '@due-regard/identity';
import { COUNCIL_READER_ROLE, COUNCIL_WRITER_ROLE, CouncilReadModels } from '@due-regard/platform';
import { ActionReadModel, PlanReadModel } from './schema/entities.js';
import { PlansWriter, ReadModelHarness } from './testing/read-model-harness.js';

/**
 * Councils share the read-model tables; row-level security keeps them apart. These tests query as
 * a careless developer would (no tenant filter at all), over the same superuser connection the app
 * uses in development and tests.
 */
describe('council isolation of the read models', () => {
  let harness: ReadModelHarness;
  let readModels: CouncilReadModels;
  const context = new RequestContext();
  const inCouncil = <T>(slug: string, work: () => Promise<T>): Promise<T> =>
    context.run({ tenant: { kind: 'council', slug }, correlationId: 'test', source: 'api' }, work);

  beforeAll(async () => {
    harness = await ReadModelHarness.start();
    readModels = new CouncilReadModels(harness.orm);
    for (const slug of ['charnwood', 'leicestershire']) {
      const writer = new PlansWriter(harness.store, slug);
      await writer.draftStrategy(`${slug}-s`, [`${slug}-o`]);
      await writer.draftPlan(`${slug}-p`, `${slug}-s`);
      await writer.addAction(`${slug}-p`, `${slug}-a`, {
        ref: '1',
        objectiveId: `${slug}-o`,
        objectiveIds: [`${slug}-o`],
        due: 'June 2025',
      });
    }
    harness.subscribe();
    await harness.projected();
  });

  afterAll(async () => {
    await harness.dispose();
  });

  it('connects as a superuser, who would see every council without the role switch', async () => {
    const { rows } = await harness.pool.query<{ super: boolean; councils: string[] }>(
      `SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS super,
              (SELECT array_agg(DISTINCT tenant_id ORDER BY tenant_id) FROM plans_read.actions) AS councils`,
    );
    expect(rows[0]).toEqual({ super: true, councils: ['charnwood', 'leicestershire'] });
  });

  it("finds only the current council's rows through MikroORM, with no filter at all", async () => {
    const seen = await inCouncil('charnwood', () =>
      readModels.read(async (em) => ({
        actions: (await em.find(ActionReadModel, {})).map((row) => row.tenantId),
        plans: (await em.findAll(PlanReadModel)).map((row) => row.tenantId),
        count: await em.count(ActionReadModel),
      })),
    );
    expect(seen).toEqual({ actions: ['charnwood'], plans: ['charnwood'], count: 1 });
  });

  it("cannot reach another council's row even by its id", async () => {
    const found = await inCouncil('charnwood', () =>
      readModels.read((em) =>
        em.findOne(ActionReadModel, { tenantId: 'leicestershire', actionId: 'leicestershire-a' }),
      ),
    );
    expect(found).toBeNull();
  });

  it('confines raw SQL run through the council entity manager too', async () => {
    const rows = await inCouncil('leicestershire', () =>
      readModels.read((em) => em.execute<{ tenant_id: string }[]>('SELECT tenant_id FROM plans_read.actions')),
    );
    expect(rows).toEqual([{ tenant_id: 'leicestershire' }]);
  });

  it('refuses to read without a council: outside a request context, and on the reader role with none set', async () => {
    expect(() => readModels.reader()).toThrow(/No request context/);
    const client = await harness.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL ROLE ${COUNCIL_READER_ROLE}`);
      const { rows } = await client.query('SELECT * FROM plans_read.actions');
      expect(rows).toEqual([]);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
  });

  it("lets the writer of one council neither insert another council's rows nor delete them", async () => {
    const client = await harness.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL ROLE ${COUNCIL_WRITER_ROLE}`);
      await client.query(`SELECT set_config('due_regard.council', 'charnwood', true)`);
      const deleted = await client.query('DELETE FROM plans_read.actions');
      expect(deleted.rowCount).toBe(1);
      await expect(
        client.query(`UPDATE plans_read.plans SET tenant_id = 'leicestershire' WHERE plan_id = 'charnwood-p'`),
      ).rejects.toThrow(/row-level security/);
      await client.query('ROLLBACK');
      await client.query('BEGIN');
      await client.query(`SET LOCAL ROLE ${COUNCIL_WRITER_ROLE}`);
      await client.query(`SELECT set_config('due_regard.council', 'charnwood', true)`);
      await expect(
        client.query(
          `INSERT INTO plans_read.strategies SELECT 'leicestershire', 'x', status, title, period_from, period_to,
             adopted_on, published_on, archived_on, version, changed_at FROM plans_read.strategies`,
        ),
      ).rejects.toThrow(/row-level security/);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect((await harness.rowsOf('actions', 'leicestershire')).length).toBe(1);
    expect((await harness.rowsOf('actions', 'charnwood')).length).toBe(1);
  });
});
