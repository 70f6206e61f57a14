import request from 'supertest';
import { Database } from '@due-regard/platform';
import { TEST_REDIS_URL } from '@due-regard/testing';
import { startDueRegard, type RunningApp } from './support/running-app.js';

// A JSON endpoint that is sent text, a form or nothing it can read refuses it with 415 and runs
// nothing: before, Express left such a body unparsed and the command ran with defaults. Forms are
// taken only where the web posts them; an upload endpoint takes only its multipart form.
const REDIS_URL = `${TEST_REDIS_URL}/11`;

interface Problem {
  readonly type: string;
  readonly status: number;
  readonly detail: string;
}

describe('the API takes only the media types its operations declare', () => {
  let running: RunningApp;
  let token: string;

  beforeAll(async () => {
    running = await startDueRegard({ REDIS_URL });
    token = await running.tokenFor('charnwood.admin');
  });

  afterAll(async () => {
    await running?.close();
  });

  const eventCount = async (): Promise<number> => {
    const { rows } = await running.app
      .get(Database)
      .pool.query<{ count: string }>('SELECT count(*) FROM event_store.events');
    return Number(rows[0]?.count);
  };

  const post = (path: string) =>
    request(running.platformUrl)
      .post(path)
      .set('Host', running.councilHost('charnwood'))
      .set('Authorization', `Bearer ${token}`);

  const strategy = { title: 'Equality Strategy 2024-2028', period: { from: '2024-04-01', to: '2028-03-31' } };

  it.each([
    ['text/plain', JSON.stringify(strategy)],
    ['text/plain; charset=utf-8', JSON.stringify(strategy)],
    ['application/x-www-form-urlencoded', 'title=Equality+Strategy&period[from]=2024-04-01&period[to]=2028-03-31'],
    ['application/xml', '<strategy><title>Equality Strategy</title></strategy>'],
  ])('a %s body on a JSON endpoint is 415 and records nothing', async (contentType, body) => {
    const before = await eventCount();
    const response = await post('/api/v1/strategies').set('Content-Type', contentType).send(body);
    expect(response.status).toBe(415);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.body as Problem;
    expect(problem).toMatchObject({ status: 415, type: 'urn:due-regard:problem:unsupported-media-type' });
    expect(problem.detail).toContain('application/json');
    expect(await eventCount()).toBe(before);
  });

  it('a body without a Content-Type is 415 and records nothing', async () => {
    const before = await eventCount();
    const response = await post('/api/v1/strategies')
      .serialize((body: unknown) => JSON.stringify(body))
      .send(strategy)
      .unset('Content-Type');
    expect(response.status).toBe(415);
    expect(await eventCount()).toBe(before);
  });

  it('the same body as JSON is recorded', async () => {
    const before = await eventCount();
    const response = await post('/api/v1/strategies')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(strategy));
    expect(response.status).toBe(201);
    expect(await eventCount()).toBeGreaterThan(before);
  });

  it('an upload endpoint takes its multipart form and refuses JSON', async () => {
    const response = await post('/api/v1/imports').set('Content-Type', 'application/json').send('{"file":"x"}');
    expect(response.status).toBe(415);
    expect((response.body as Problem).detail).toContain('multipart/form-data');
  });

  it('a command without a body still runs', async () => {
    const created = await post('/api/v1/strategies')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(strategy));
    const strategyId = (created.body as { id: string }).id;
    // Adopting a strategy with no objectives is refused by its decider: the command ran.
    const response = await post(`/api/v1/strategies/${strategyId}/adopt`);
    expect(response.status).toBe(422);
  });
});
