import { CommandRunner } from '@due-regard/commands';
import { CheckpointSigner, PostgresEventStore, type EventStore } from '@due-regard/event-store';
import { RequestContext, SYSTEM_PRINCIPAL } from '@due-regard/identity';
import { createTestDatabase, generateSigningKeyPem, type TestDatabase } from '@due-regard/testing';
import type { Clock } from '@due-regard/shared-kernel';
import { AccreditationCatalogue } from '../catalogue/accreditation-catalogue.js';
import { Journeys } from '../application/shared/journeys.js';
import { accreditationStream } from '../application/shared/accreditation-streams.js';
import { AwardNoticeSweep, InvalidSweepDateError, type RaisedNotice } from './award-notice-sweep.js';

/**
 * The daily sweep on real PostgreSQL, day after day: each notice once per award when a day runs
 * twice, when two sweeps of a day run at once, and when days are skipped (caught up, most pressing
 * first). The clock is pinned: "today" is the day an award is recorded.
 */
describe('the renewals and lapses sweep', () => {
  let database: TestDatabase;
  let store: EventStore;
  let sweep: AwardNoticeSweep;
  let journeys: Journeys;
  const context = new RequestContext();
  const clock: Clock = { now: () => new Date('2025-03-12T09:00:00Z') };
  let council = 0;

  beforeAll(async () => {
    database = await createTestDatabase('dr_acc');
    store = await PostgresEventStore.create({
      connectionString: database.url,
      signer: CheckpointSigner.fromPem(generateSigningKeyPem(), 'test'),
    });
    journeys = new Journeys(
      new CommandRunner(store, context, clock),
      context,
      clock,
      store,
      AccreditationCatalogue.load(),
    );
    sweep = new AwardNoticeSweep(journeys, context);
  });

  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  /** A council of its own for each test, with Disability Confident Leader awarded on 10 March 2025. */
  async function councilWithLeader(): Promise<string> {
    const slug = `council-${(council += 1)}`;
    await context.run(
      { tenant: { kind: 'council', slug }, correlationId: 'award', source: 'api', principal: SYSTEM_PRINCIPAL },
      () =>
        journeys.change('disability-confident', undefined, (_state, scheme) => [
          { type: 'StartJourney', scheme },
          { type: 'RecordAward', scheme, level: 3, awardedOn: '2025-03-10', expiresOn: undefined, today: '2025-03-12' },
        ]),
    );
    return slug;
  }

  const kinds = (raised: readonly RaisedNotice[]) =>
    raised.map((notice) => (notice.type === 'RenewalDue' ? `renewal-${notice.daysBefore}` : 'lapsed'));

  it('raises each notice on its day, once, however often each day runs', async () => {
    const slug = await councilWithLeader();
    const days = ['2027-12-10', '2027-12-11', '2028-02-08', '2028-02-09', '2028-03-10', '2028-03-11', '2028-03-12'];
    const raisedByDay: Record<string, string[]> = {};
    for (const day of days) {
      raisedByDay[day] = kinds(await sweep.sweep(slug, day));
      expect(await sweep.sweep(slug, day)).toEqual([]);
    }
    expect(raisedByDay).toEqual({
      '2027-12-10': [],
      '2027-12-11': ['renewal-90'],
      '2028-02-08': [],
      '2028-02-09': ['renewal-30'],
      '2028-03-10': [],
      '2028-03-11': ['lapsed'],
      '2028-03-12': [],
    });
    const types = (await store.readStream(accreditationStream(slug, 'disability-confident'))).map(
      (event) => event.type,
    );
    expect(types.filter((type) => type === 'RenewalDue')).toHaveLength(2);
    expect(types.filter((type) => type === 'AccreditationLapsed')).toHaveLength(1);
  });

  it('raises once when two sweeps of the same day run at the same moment', async () => {
    const slug = await councilWithLeader();
    const [first, second] = await Promise.all([sweep.sweep(slug, '2027-12-11'), sweep.sweep(slug, '2027-12-11')]);
    expect([...kinds(first ?? []), ...kinds(second ?? [])]).toEqual(['renewal-90']);
  });

  it('catches up skipped days late, with the days left as of the run, and never raises an overtaken notice', async () => {
    const slug = await councilWithLeader();
    // The job did not run from 2027-12-01 to 2027-12-20.
    expect(await sweep.sweep(slug, '2027-11-30')).toEqual([]);
    const late = await sweep.sweep(slug, '2027-12-21');
    expect(late).toMatchObject([
      {
        type: 'RenewalDue',
        councilSlug: slug,
        audience: 'council-admin',
        schemeName: 'Disability Confident',
        levelName: 'Disability Confident Leader',
        expiresOn: '2028-03-10',
        dueOn: '2027-12-11',
        raisedOn: '2027-12-21',
        daysBefore: 90,
        daysToExpiry: 80,
        subject: 'Renew Disability Confident: Disability Confident Leader by 10 March 2028',
      },
    ]);
    // Then nothing ran until after expiry: the lapse is raised, the 30-day notice it overtook is not.
    expect(kinds(await sweep.sweep(slug, '2028-04-01'))).toEqual(['lapsed']);
    expect(await sweep.sweep(slug, '2028-04-02')).toEqual([]);
    expect(await sweep.sweep(slug, '2028-02-09')).toEqual([]);
  });

  it('raises nothing for a council with no journeys, and refuses a day that is no date', async () => {
    expect(await sweep.sweep('council-without-journeys', '2028-03-11')).toEqual([]);
    expect(() => sweep.sweep('council-1', '2028-02-30')).toThrow(InvalidSweepDateError);
  });
});
