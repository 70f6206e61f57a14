import request, { type Response } from 'supertest';
import { startDueRegard, type RunningApp } from './support/running-app.js';

interface Written {
  readonly id: string;
  readonly version: number;
}
interface MeasureRead {
  readonly subject: { readonly kind: string; readonly actionId?: string; readonly objectiveId?: string };
  readonly unit: string;
  readonly rag: string;
  readonly version: number;
  readonly readings: readonly { readonly value: number | string; readonly on: string; readonly note: string | null }[];
  readonly history: readonly { readonly type: string; readonly summary: string }[];
}
interface Problem {
  readonly status: number;
  readonly code?: string;
  readonly errors?: readonly { readonly field: string }[];
}

const written = (response: Response): Written => response.body as Written;
const measureRead = (response: Response): MeasureRead => response.body as MeasureRead;
const problem = (response: Response): Problem => response.body as Problem;

/**
 * Measures over HTTP. Given a plan with an action led by Human Resources: when an editor defines a
 * measure on it and its lead records readings, then the measure answers its readings, its RAG
 * from the latest reading against the target, and its history; others are refused, bad input too.
 */
describe('measures: define, record readings, read with RAG', () => {
  let running: RunningApp;
  let editor: string;
  let lead: string;
  let viewer: string;
  let strategyId: string;
  let objectiveId: string;
  let actionId: string;

  function charnwood(method: 'get' | 'post', path: string, token: string) {
    const agent = request(running.platformUrl);
    const url = `/api/v1${path}`;
    const call = method === 'get' ? agent.get(url) : agent.post(url);
    return call.set('Host', running.councilHost('charnwood')).auth(token, { type: 'bearer' });
  }

  beforeAll(async () => {
    running = await startDueRegard();
    editor = await running.tokenFor('charnwood.editor');
    lead = await running.tokenFor('charnwood.lead');
    viewer = await running.tokenFor('charnwood.viewer');
    const strategy = await charnwood('post', '/strategies', editor).send({
      title: 'Equality Strategy 2024-2028',
      period: { from: '2024-04-01', to: '2028-03-31' },
    });
    strategyId = written(strategy).id;
    const objective = await charnwood('post', `/strategies/${strategyId}/objectives`, editor).send({
      ref: 'PEO 3',
      title: 'To develop a workforce that reflects the community',
    });
    objectiveId = written(objective).id;
    const plan = await charnwood('post', '/plans', editor).send({
      strategyId,
      title: 'Equality Strategy Action Plan 2024-2026',
      period: { from: '2024-04-01', to: '2026-03-31' },
    });
    const action = await charnwood('post', `/plans/${written(plan).id}/actions`, editor).send({
      ref: '3.2',
      objectiveId,
      title: 'Deliver mandatory equality and diversity training',
      due: 'Quarterly',
      leads: ['Human Resources'],
      successMeasures: ['Over 90% completion rate of mandatory equality and diversity training'],
    });
    expect(action.status).toBe(201);
    actionId = written(action).id;
  });

  afterAll(async () => {
    await running?.close();
  });

  it("defines a measure on an action; its lead's readings move the RAG from red to amber to green", async () => {
    const defined = await charnwood('post', '/measures', editor).send({
      subject: { actionId },
      title: 'Completion rate of mandatory equality and diversity training',
      unit: 'percent',
      direction: 'increase',
      baseline: { value: 62, on: '2024-03-31' },
      target: { kind: 'threshold', comparator: 'more-than', value: 90 },
    });
    expect(defined.status).toBe(201);
    const measureId = written(defined).id;
    expect(defined.headers['location']).toBe(`/api/v1/measures/${measureId}`);

    const none = await charnwood('get', `/measures/${measureId}`, viewer);
    expect(none.status).toBe(200);
    expect(measureRead(none)).toMatchObject({ subject: { kind: 'action', actionId }, rag: 'none', readings: [] });

    const slipped = await charnwood('post', `/measures/${measureId}/readings`, lead).send({
      value: 60,
      on: '2024-06-30',
    });
    expect(slipped.status).toBe(201);
    expect(measureRead(await charnwood('get', `/measures/${measureId}`, viewer)).rag).toBe('red');

    await charnwood('post', `/measures/${measureId}/readings`, lead).send({
      value: 93,
      on: '2024-12-31',
      note: 'After the autumn sessions',
    });
    // Recorded later but dated earlier: the latest by date still decides.
    await charnwood('post', `/measures/${measureId}/readings`, lead).send({ value: 78, on: '2024-09-30' });
    const read = await charnwood('get', `/measures/${measureId}`, viewer);
    expect(measureRead(read).rag).toBe('green');
    expect(measureRead(read).readings.map(({ value, on }) => [on, value])).toEqual([
      ['2024-06-30', 60],
      ['2024-09-30', 78],
      ['2024-12-31', 93],
    ]);
    expect(measureRead(read).history.map(({ type }) => type)).toEqual([
      'MeasureDefined',
      'MeasureReadingRecorded',
      'MeasureReadingRecorded',
      'MeasureReadingRecorded',
    ]);
    expect(measureRead(read).history[3]?.summary).toBe('Reading of 78% as of 30 September 2024');
    expect(read.headers['etag']).toBe('"4"');
  });

  it('defines a measure on an objective, and refuses a missing subject with 404', async () => {
    const defined = await charnwood('post', '/measures', editor).send({
      subject: { strategyId, objectiveId },
      title: 'Reduction in gender pay gap',
      unit: 'percent',
      direction: 'decrease',
      baseline: { value: 8.2 },
      target: { kind: 'direction' },
    });
    expect(defined.status).toBe(201);
    expect(measureRead(await charnwood('get', `/measures/${written(defined).id}`, editor)).subject).toEqual({
      kind: 'objective',
      strategyId,
      objectiveId,
    });

    const missing = await charnwood('post', '/measures', editor).send({
      subject: { actionId: '0190f3a4-0000-7000-8000-000000000000' },
      title: 'Anything',
      unit: 'count',
      direction: 'increase',
      target: null,
    });
    expect(missing.status).toBe(404);
  });

  it('refuses a viewer, a lead on an objective measure, and bad input, recording nothing', async () => {
    const body = {
      subject: { actionId },
      title: 'Staff network meetings held',
      unit: 'count',
      direction: 'increase',
      target: { kind: 'threshold', comparator: 'at-least', value: 4 },
    };
    expect((await charnwood('post', '/measures', viewer).send(body)).status).toBe(403);
    expect((await charnwood('post', '/measures', lead).send(body)).status).toBe(403);

    const badUnit = await charnwood('post', '/measures', editor).send({ ...body, unit: 'furlongs' });
    expect(badUnit.status).toBe(400);
    expect(problem(badUnit).errors?.map(({ field }) => field)).toEqual(['unit']);

    const textTarget = await charnwood('post', '/measures', editor).send({ ...body, unit: 'text' });
    expect(textTarget.status).toBe(422);
    expect(problem(textTarget).code).toBe('text_measure_target');

    const count = await charnwood('post', '/measures', editor).send(body);
    const measureId = written(count).id;
    const fraction = await charnwood('post', `/measures/${measureId}/readings`, lead).send({
      value: 2.5,
      on: '2025-01-31',
    });
    expect(fraction.status).toBe(422);
    const badDate = await charnwood('post', `/measures/${measureId}/readings`, lead).send({
      value: 2,
      on: '31/01/2025',
    });
    expect(badDate.status).toBe(400);
    expect(
      (await charnwood('post', `/measures/${measureId}/readings`, viewer).send({ value: 2, on: '2025-01-31' })).status,
    ).toBe(403);
    expect(measureRead(await charnwood('get', `/measures/${measureId}`, editor)).readings).toEqual([]);

    const objectiveMeasure = await charnwood('post', '/measures', editor).send({
      ...body,
      subject: { strategyId, objectiveId },
    });
    const refused = await charnwood('post', `/measures/${written(objectiveMeasure).id}/readings`, lead).send({
      value: 3,
      on: '2025-01-31',
    });
    expect(refused.status).toBe(403);
  });
});
