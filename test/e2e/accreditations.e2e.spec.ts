import { Queue, QueueEvents } from 'bullmq';
import request, { type Response } from 'supertest';
import {
  ACCREDITATIONS_QUEUE,
  SWEEP_JOB,
  SWEEP_SCHEDULE,
  SWEEP_SCHEDULER_ID,
  type SweepJobData,
  type SweepJobResult,
} from '@due-regard/accreditations';
import { EVENT_STORE, streamName, type EventStore } from '@due-regard/event-store';
import { QUEUE_PREFIX } from '@due-regard/platform';
import { startDueRegard, type RunningApp } from './support/running-app.js';

// A Redis database of its own: every app under test runs a worker on the `accreditations` queue,
// and one of another test file would take this file's jobs to its own database.
const REDIS_URL = `${process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'}/9`;

interface AwardBody {
  number: number;
  level: number;
  levelName: string;
  awardedOn: string;
  expiresOn: string | null;
  expiryComputed: boolean;
  renewal: boolean;
  renewalDueOn: string | null;
  standing: string;
}
interface CommitmentBody {
  ref: string;
  status: string;
  actionIds: string[];
  actions: { actionId: string; ref: string | null; title: string }[];
  links: { title: string; url: string }[];
}
interface AccreditationBody {
  scheme: string;
  status: string;
  schemeVersion: string;
  newestVersion: string;
  targetLevel: { rank: number; name: string } | null;
  currentAward: AwardBody | null;
  awards: AwardBody[];
  commitments: CommitmentBody[];
  commitmentsMet: number;
  commitmentsTotal: number;
  nextStep: { kind: string; text: string };
  version: number;
}
interface Problem {
  status: number;
  code?: string;
  errors?: { field: string }[];
}

/**
 * Accreditations over HTTP against the whole app: the council's list, a journey set with PUT
 * (target, commitments with a linked action and a document, moving version), awards with their
 * expiry computed or given, refusals that store nothing, who may do what; then the `accreditations`
 * queue: its daily job scheduler, and sweep jobs run twice and late raising each notice once.
 */
describe('accreditations', () => {
  let running: RunningApp;
  let store: EventStore;
  const tokens: Record<string, string> = {};

  const call = (method: 'get' | 'post' | 'put', path: string, user: string, council = 'charnwood') => {
    const agent = request(running.platformUrl);
    const url = `/api/v1${path}`;
    const sent = method === 'get' ? agent.get(url) : method === 'post' ? agent.post(url) : agent.put(url);
    return sent.set('Host', running.councilHost(council)).auth(tokens[user] ?? '', { type: 'bearer' });
  };
  const problem = (response: Response): Problem => response.body as Problem;
  const journeyEvents = (council: string, scheme: string) =>
    store.readStream(streamName('accreditation', council, scheme));

  /** An action in a plan of the council's, over HTTP: what a commitment links to. */
  async function anAction(council: string, editor: string): Promise<{ planId: string; actionId: string }> {
    const strategy = await call('post', '/strategies', editor, council).send({
      title: 'Equality Strategy 2024-2028',
      period: { from: '2024-04-01', to: '2028-03-31' },
    });
    const strategyId = (strategy.body as { id: string }).id;
    const objective = await call('post', `/strategies/${strategyId}/objectives`, editor, council).send({
      ref: 'PEO 2',
      title: 'A diverse and engaged workforce',
    });
    const plan = await call('post', '/plans', editor, council).send({
      strategyId,
      title: 'Equality Action Plan 2024-2026',
      period: { from: '2024-04-01', to: '2026-03-31' },
    });
    const planId = (plan.body as { id: string }).id;
    const action = await call('post', `/plans/${planId}/actions`, editor, council).send({
      ref: '2.6',
      objectiveId: (objective.body as { id: string }).id,
      title: 'Achieve Disability Confident Leader',
      due: 'March 2026',
    });
    expect(action.status).toBe(201);
    return { planId, actionId: (action.body as { id: string }).id };
  }

  beforeAll(async () => {
    running = await startDueRegard({ REDIS_URL });
    store = running.app.get<EventStore>(EVENT_STORE);
    for (const user of [
      'charnwood.admin',
      'charnwood.editor',
      'charnwood.lead',
      'charnwood.viewer',
      'charnwood.auditor',
      'leicestershire.admin',
    ]) {
      tokens[user] = await running.tokenFor(user);
    }
  });

  afterAll(async () => {
    await running.close();
  });

  describe("the council's accreditations", () => {
    it('lists every scheme of the catalogue for every council role, none started', async () => {
      for (const user of ['charnwood.viewer', 'charnwood.lead', 'charnwood.auditor']) {
        const response = await call('get', '/accreditations', user);
        expect(response.status).toBe(200);
        const { accreditations } = response.body as { accreditations: AccreditationBody[] };
        expect(accreditations.map((each) => each.scheme)).toEqual([
          'disability-confident',
          'race-at-work-charter',
          'bsl-charter',
          'stonewall-wei',
          'menopause-friendly',
          'carer-confident',
          'armed-forces-ers',
          'nwe-member-development-charter',
          'customer-service-excellence',
        ]);
        expect(accreditations[0]).toMatchObject({
          status: 'not-started',
          currentAward: null,
          commitmentsMet: 0,
          commitmentsTotal: 5,
          nextStep: { kind: 'start' },
        });
      }
      expect((await call('get', '/accreditations/investors-in-people', 'charnwood.viewer')).status).toBe(404);
    });
  });

  describe('awards', () => {
    it("records Disability Confident Leader and answers its expiry, computed from the scheme's three years", async () => {
      const response = await call('post', '/accreditations/disability-confident/awards', 'charnwood.admin').send({
        level: 3,
        awardedOn: '2025-03-10',
      });
      expect(response.status).toBe(201);
      expect(response.headers['location']).toBe('/api/v1/accreditations/disability-confident');
      expect(response.body).toEqual({
        scheme: 'disability-confident',
        award: {
          number: 1,
          level: 3,
          levelName: 'Disability Confident Leader',
          awardedOn: '2025-03-10',
          expiresOn: '2028-03-10',
          expiryComputed: true,
          renewal: false,
          renewalDueOn: '2027-12-11',
          standing: 'current',
        },
        version: 2,
      });
      const read = await call('get', '/accreditations/disability-confident', 'charnwood.viewer');
      expect(read.headers['etag']).toBe('"2"');
      expect(read.body).toMatchObject({
        status: 'active',
        currentAward: { levelName: 'Disability Confident Leader', expiresOn: '2028-03-10' },
        nextStep: { kind: 'keep-up', text: 'Renewal due from 11 December 2027' },
      });
    });

    it('takes an expiry given, where the scheme sets no period', async () => {
      const response = await call('post', '/accreditations/menopause-friendly/awards', 'charnwood.editor').send({
        level: 1,
        awardedOn: '2024-06-01',
        expiresOn: '2027-05-31',
      });
      expect(response.status).toBe(201);
      expect((response.body as { award: AwardBody }).award).toMatchObject({
        levelName: 'Menopause Friendly Employer',
        expiresOn: '2027-05-31',
        expiryComputed: false,
      });
    });

    it('refuses bad input with problem details and stores nothing', async () => {
      const before = (await journeyEvents('charnwood', 'disability-confident')).length;
      const post = (body: object) =>
        call('post', '/accreditations/disability-confident/awards', 'charnwood.admin').send(body);

      const unknownLevel = await post({ level: 4, awardedOn: '2025-06-01' });
      expect(unknownLevel.status).toBe(422);
      expect(unknownLevel.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(problem(unknownLevel)).toMatchObject({ code: 'unknown_level', errors: [{ field: 'level' }] });

      const future = await post({ level: 3, awardedOn: '2099-01-01' });
      expect(problem(future)).toMatchObject({ status: 422, code: 'awarded_in_future' });
      const earlier = await post({ level: 3, awardedOn: '2025-01-01' });
      expect(problem(earlier)).toMatchObject({ status: 422, code: 'award_before_latest' });
      const expiryFirst = await post({ level: 3, awardedOn: '2025-06-01', expiresOn: '2025-05-01' });
      expect(problem(expiryFirst)).toMatchObject({ status: 422, code: 'expiry_not_after_award' });

      const malformed = await post({ level: 'three', awardedOn: '10/03/2025', extra: true });
      expect(malformed.status).toBe(400);
      expect(
        problem(malformed)
          .errors?.map((error) => error.field)
          .sort(),
      ).toEqual(['', 'awardedOn', 'level']);

      expect((await post({ level: 3, awardedOn: '2025-02-30' })).status).toBe(400);
      expect(
        (
          await call('post', '/accreditations/no-such-scheme/awards', 'charnwood.admin').send({
            level: 1,
            awardedOn: '2025-01-01',
          })
        ).status,
      ).toBe(404);
      expect((await journeyEvents('charnwood', 'disability-confident')).length).toBe(before);
    });

    it('lets only admins and editors record; another council is refused', async () => {
      const body = { level: 1, awardedOn: '2025-01-01' };
      for (const user of ['charnwood.viewer', 'charnwood.lead', 'charnwood.auditor', 'leicestershire.admin']) {
        expect((await call('post', '/accreditations/carer-confident/awards', user).send(body)).status).toBe(403);
        expect((await call('put', '/accreditations/carer-confident', user).send({ targetLevel: 2 })).status).toBe(403);
      }
      expect(await journeyEvents('charnwood', 'carer-confident')).toEqual([]);
    });

    it('answers a repeat with the same Idempotency-Key once, recording the award once', async () => {
      const send = () =>
        call('post', '/accreditations/armed-forces-ers/awards', 'charnwood.admin')
          .set('Idempotency-Key', 'afers-gold-2024')
          .send({ level: 3, awardedOn: '2024-11-11' });
      const first = await send();
      const repeat = await send();
      expect(first.status).toBe(201);
      expect(repeat.status).toBe(201);
      expect(repeat.headers['idempotent-replayed']).toBe('true');
      expect(repeat.body).toEqual(first.body);
      expect((first.body as { award: AwardBody }).award.expiresOn).toBe('2029-11-11');
      const awarded = (await journeyEvents('charnwood', 'armed-forces-ers')).filter(
        (event) => event.type === 'AccreditationAwarded',
      );
      expect(awarded).toHaveLength(1);
    });
  });

  describe('the journey: target level and commitments with evidence', () => {
    it('sets a target and links an action and a document to a commitment', async () => {
      const { actionId } = await anAction('charnwood', 'charnwood.editor');
      const response = await call('put', '/accreditations/race-at-work-charter', 'charnwood.editor').send({
        targetLevel: 1,
        commitments: [
          {
            ref: '1',
            status: 'met',
            actionIds: [actionId],
            links: [{ title: 'Executive sponsor announced', url: 'https://www.charnwood.gov.uk/news/race' }],
          },
          { ref: '2', status: 'in-progress' },
        ],
      });
      expect(response.status).toBe(200);
      const body = response.body as AccreditationBody;
      expect(body).toMatchObject({
        status: 'active',
        schemeVersion: '2021',
        targetLevel: { rank: 1, name: 'Signatory' },
        commitmentsMet: 1,
        commitmentsTotal: 7,
      });
      expect(body.commitments[0]).toMatchObject({
        ref: '1',
        status: 'met',
        actionIds: [actionId],
        actions: [{ actionId, ref: '2.6', title: 'Achieve Disability Confident Leader' }],
        links: [{ title: 'Executive sponsor announced', url: 'https://www.charnwood.gov.uk/news/race' }],
      });
      expect(response.headers['etag']).toBe(`"${body.version}"`);

      // The same PUT again records nothing.
      const again = await call('put', '/accreditations/race-at-work-charter', 'charnwood.editor').send({
        targetLevel: 1,
        commitments: [{ ref: '2', status: 'in-progress' }],
      });
      expect((again.body as AccreditationBody).version).toBe(body.version);
    });

    it('refuses an action the council does not have, an unknown commitment or version, and a bad link, storing nothing', async () => {
      const put = (body: object) => call('put', '/accreditations/bsl-charter', 'charnwood.admin').send(body);
      const noAction = await put({
        commitments: [{ ref: '1', status: 'met', actionIds: ['0190a3c0-0000-7000-8000-000000000001'] }],
      });
      expect(noAction.status).toBe(422);
      expect(problem(noAction)).toMatchObject({
        code: 'unknown_action',
        errors: [{ field: 'commitments.0.actionIds.0' }],
      });
      expect(problem(await put({ commitments: [{ ref: '9', status: 'met' }] }))).toMatchObject({
        status: 422,
        code: 'unknown_commitment',
      });
      expect(problem(await put({ schemeVersion: '1999' }))).toMatchObject({
        status: 422,
        code: 'unknown_scheme_version',
      });
      const badLink = await put({
        commitments: [{ ref: '1', status: 'met', links: [{ title: 'x', url: 'javascript:alert(1)' }] }],
      });
      expect(badLink.status).toBe(400);
      expect(problem(badLink).errors?.[0]?.field).toBe('commitments.0.links.0.url');
      const nul = await put({
        commitments: [{ ref: '1', status: 'met', links: [{ title: 'a\u0000b', url: 'https://x.org' }] }],
      });
      expect(nul.status).toBe(400);
      // Not even the journey's start was recorded.
      expect(await journeyEvents('charnwood', 'bsl-charter')).toEqual([]);
    });

    it('keeps a council on the 2018 charter once it moved there, and carries progress when it moves on', async () => {
      const council = 'leicestershire';
      const moved = await call('put', '/accreditations/race-at-work-charter', 'leicestershire.admin', council).send({
        schemeVersion: '2018',
        commitments: [{ ref: '5', status: 'met' }],
      });
      expect(moved.body).toMatchObject({ schemeVersion: '2018', newestVersion: '2021', commitmentsTotal: 5 });
      const sixOn2018 = await call('put', '/accreditations/race-at-work-charter', 'leicestershire.admin', council).send(
        {
          commitments: [{ ref: '6', status: 'met' }],
        },
      );
      expect(problem(sixOn2018)).toMatchObject({ status: 422, code: 'unknown_commitment' });
      const onward = await call('put', '/accreditations/race-at-work-charter', 'leicestershire.admin', council).send({
        schemeVersion: '2021',
        commitments: [{ ref: '6', status: 'in-progress' }],
      });
      expect(onward.body).toMatchObject({ schemeVersion: '2021', commitmentsTotal: 7, commitmentsMet: 1 });
    });
  });

  describe('withdrawal', () => {
    it('ends the award and what falls due; twice is a conflict, a scheme never started is not found', async () => {
      const withdraw = (scheme: string) =>
        call('post', `/accreditations/${scheme}/withdrawal`, 'charnwood.admin').send({
          withdrawnOn: '2025-12-01',
          reason: 'The council has left the scheme',
        });
      const response = await withdraw('armed-forces-ers');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        status: 'withdrawn',
        currentAward: null,
        withdrawnOn: '2025-12-01',
        awards: [{ levelName: 'Gold', standing: 'withdrawn' }],
        nextStep: { kind: 'withdrawn', text: 'Withdrew on 1 December 2025' },
      });
      const again = await withdraw('armed-forces-ers');
      expect(again.status).toBe(409);
      expect(problem(again)).toMatchObject({ code: 'already_withdrawn' });
      expect((await withdraw('nwe-member-development-charter')).status).toBe(404);
      expect(await journeyEvents('charnwood', 'nwe-member-development-charter')).toEqual([]);
    });
  });

  describe('the accreditations queue', () => {
    const connection = { url: REDIS_URL };
    let queue: Queue<SweepJobData, SweepJobResult>;
    let queueEvents: QueueEvents;

    beforeAll(async () => {
      queue = new Queue<SweepJobData, SweepJobResult>(ACCREDITATIONS_QUEUE, { connection, prefix: QUEUE_PREFIX });
      queueEvents = new QueueEvents(ACCREDITATIONS_QUEUE, { connection, prefix: QUEUE_PREFIX });
      await queueEvents.waitUntilReady();
    });

    afterAll(async () => {
      await queueEvents.close();
      await queue.close();
    });

    const sweepAsOf = async (asOf: string): Promise<SweepJobResult> =>
      (await queue.add(SWEEP_JOB, { asOf })).waitUntilFinished(queueEvents, 60_000);
    const raisedFor = (result: SweepJobResult, council: string) =>
      result.raised
        .filter((notice) => notice.councilSlug === council && notice.scheme === 'disability-confident')
        .map((notice) => (notice.type === 'RenewalDue' ? `renewal-${notice.daysBefore}` : 'lapsed'));

    it('is swept daily by one job scheduler', async () => {
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.filter((scheduler) => scheduler.name === SWEEP_JOB)).toHaveLength(1);
      expect(await queue.getJobScheduler(SWEEP_SCHEDULER_ID)).toMatchObject({
        name: SWEEP_JOB,
        pattern: SWEEP_SCHEDULE.pattern,
        tz: SWEEP_SCHEDULE.tz,
      });
    });

    it('raises each notice once when a day runs twice, and catches up days it missed', async () => {
      // Charnwood's Disability Confident Leader expires on 10 March 2028.
      expect(raisedFor(await sweepAsOf('2027-12-10'), 'charnwood')).toEqual([]);
      const ninety = await sweepAsOf('2027-12-11');
      expect(ninety.councils).toBe(2);
      expect(ninety.raised.filter((notice) => notice.scheme === 'disability-confident')).toMatchObject([
        {
          type: 'RenewalDue',
          councilSlug: 'charnwood',
          audience: 'council-admin',
          levelName: 'Disability Confident Leader',
          expiresOn: '2028-03-10',
          daysToExpiry: 90,
        },
      ]);
      expect(raisedFor(await sweepAsOf('2027-12-11'), 'charnwood')).toEqual([]);
      // The job then did not run for weeks: the next run raises the 30-day notice, late, once.
      expect(raisedFor(await sweepAsOf('2028-02-20'), 'charnwood')).toEqual(['renewal-30']);
      expect(raisedFor(await sweepAsOf('2028-02-20'), 'charnwood')).toEqual([]);
      expect(raisedFor(await sweepAsOf('2028-03-11'), 'charnwood')).toEqual(['lapsed']);
      expect(raisedFor(await sweepAsOf('2028-03-12'), 'charnwood')).toEqual([]);

      const events = await journeyEvents('charnwood', 'disability-confident');
      expect(events.filter((event) => event.type === 'RenewalDue')).toHaveLength(2);
      expect(events.filter((event) => event.type === 'AccreditationLapsed')).toHaveLength(1);
      expect(events.at(-1)?.metadata).toMatchObject({ source: 'job', actorId: 'system:due-regard' });
    });
  });
});
