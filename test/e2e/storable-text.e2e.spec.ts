import request, { type Response } from 'supertest';
import { EFLG_MODULES } from '@due-regard/plans';
import { Database } from '@due-regard/platform';
import { TEST_REDIS_URL } from '@due-regard/testing';
import { startDueRegard, type RunningApp } from './support/running-app.js';

// Every write endpoint of the API, read from the app's own OpenAPI document (as the isolation
// matrix does, so that an endpoint added later must join this table), refuses NUL and a lone
// surrogate in each string field of its body with 400 naming that field, before anything is
// decided: nothing is recorded. The same request without them then succeeds.
//
// Bodies are sent as JSON text: "\u0000" and "\ud800" escapes, which Express's JSON parser turns
// into a NUL and a lone surrogate. A Redis database of its own: the imports job of another test
// file's app would take this file's uploads.
const REDIS_URL = `${TEST_REDIS_URL}/10`;

type Method = 'post' | 'put' | 'patch' | 'delete';
const WRITE_METHODS: readonly Method[] = ['post', 'put', 'patch', 'delete'];
type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };
type JsonObject = { readonly [key: string]: Json };

interface JsonSchema {
  readonly type?: string;
  readonly format?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly items?: JsonSchema;
  readonly additionalProperties?: JsonSchema | boolean;
}

interface OpenApiOperation {
  readonly requestBody?: { readonly content: Readonly<Record<string, { readonly schema: JsonSchema }>> };
}
type OpenApiDocument = { readonly paths: Readonly<Record<string, Partial<Record<Method, OpenApiOperation>>>> };

interface Problem {
  readonly type: string;
  readonly errors?: readonly { readonly field: string; readonly detail: string }[];
}

/**
 * Where a string sits in a body: the value at a path, or in the map at a path the name of its first
 * key (`key`) or that key's value (`mapValue`).
 */
interface StringField {
  readonly path: readonly (string | number)[];
  readonly kind: 'value' | 'key' | 'mapValue';
}

/** The string fields of a request body schema: properties, array items, the keys and values of a map. */
function stringFields(schema: JsonSchema, path: readonly (string | number)[] = []): StringField[] {
  if (schema.type === 'string') return schema.format === 'binary' ? [] : [{ path, kind: 'value' }];
  if (schema.type === 'array' && schema.items !== undefined) return stringFields(schema.items, [...path, 0]);
  const properties = Object.entries(schema.properties ?? {}).flatMap(([name, property]) =>
    stringFields(property, [...path, name]),
  );
  const values = schema.additionalProperties;
  const map: StringField[] =
    typeof values === 'object'
      ? [{ path, kind: 'key' }, ...(values.type === 'string' ? [{ path, kind: 'mapValue' as const }] : [])]
      : [];
  return [...map, ...properties];
}

const NUL = '\u0000';
const LONE_SURROGATE = '\ud800';

/** The text with the character put after its first character. */
const spoilt = (text: string, character: string): string => `${text.slice(0, 1)}${character}${text.slice(1)}`;

function objectAt(body: JsonObject, path: readonly (string | number)[]): Record<string, Json> | Json[] {
  let current: Json = body;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) throw new Error(`Nothing at ${path.join('.')}`);
    current = (current as Record<string | number, Json>)[segment] ?? null;
  }
  if (typeof current !== 'object' || current === null) throw new Error(`No object at ${path.join('.')}`);
  return current as Record<string, Json> | Json[];
}

/**
 * The body with the character put into one field's text, and the field problem details should
 * name. The valid body must hold every string field, so that this field is the only thing wrong.
 */
function withCharacterIn(body: JsonObject, field: StringField, character: string): { body: JsonObject; named: string } {
  const copy = structuredClone(body);
  if (field.kind !== 'value') {
    const map = objectAt(copy, field.path) as Record<string, Json>;
    const [key] = Object.keys(map);
    if (key === undefined) throw new Error(`The valid body has no key at ${field.path.join('.')}`);
    const value = map[key] ?? null;
    if (field.kind === 'mapValue') {
      if (typeof value !== 'string') throw new Error(`The valid body has no text at ${field.path.join('.')}.${key}`);
      map[key] = spoilt(value, character);
      return { body: copy, named: [...field.path, key].join('.') };
    }
    const badKey = spoilt(key, character);
    delete map[key];
    map[badKey] = value;
    return { body: copy, named: [...field.path, badKey].join('.') };
  }
  const parent = objectAt(copy, field.path.slice(0, -1));
  const last = field.path[field.path.length - 1] ?? '';
  const value = (parent as Record<string | number, Json>)[last];
  if (typeof value !== 'string') throw new Error(`The valid body has no text at ${field.path.join('.')}`);
  (parent as Record<string | number, Json>)[last] = spoilt(value, character);
  return { body: copy, named: field.path.join('.') };
}

/** A multipart body: its text fields, and a file. */
interface Upload {
  readonly fields: Readonly<Record<string, string>>;
  readonly file: { readonly name: string; readonly content: string };
}

/** What a case sends: where, and a request that is valid there. */
interface Prepared {
  readonly path: string;
  readonly body: JsonObject | Upload;
}

interface ImportView {
  readonly id: string;
  readonly status: string;
  readonly document: { readonly fileName: string };
  readonly preview: {
    readonly actions: readonly { readonly title: string; readonly leads: readonly string[] }[];
  } | null;
}

/** The demo realm's forum, whose coordinator is a demo user. */
const DEMO_FORUM = 'leicestershire-equalities-forum';

const isUpload = (body: JsonObject | Upload): body is Upload => 'file' in body && 'fields' in body;

const SMALL_PLAN = [
  'Equality Action Plan 2024 to 2026',
  '',
  'Ref\tAction\tCompletion Date\tSuccess Measure\tLead',
  '1.1\tPublish the workforce equality report\tMarch 2025\tReport published\tHuman Resources',
  '1.2\tReview the equality impact assessment guidance\tSeptember 2025\tGuidance reviewed\tPolicy Team',
].join('\n');

describe('text that cannot be stored is refused at the edge of every write endpoint', () => {
  let running: RunningApp;
  let document: OpenApiDocument;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    running = await startDueRegard({ REDIS_URL });
    document = (await request(running.platformUrl).get('/api/docs-json')).body as OpenApiDocument;
    for (const user of ['charnwood.admin', 'platform.admin', 'forum.coordinator']) {
      tokens.set(user, await running.tokenFor(user));
    }
  });

  afterAll(async () => {
    await running?.close();
  });

  /**
   * Who sends a path, and on which host: a platform-admin for the council registry and for creating
   * forums, and a forum's coordinator for its invitations and settings, on the bare domain; a
   * council-admin of Charnwood on its sub-domain for everything else.
   */
  function sender(path: string): { readonly user: string; readonly host: string } {
    const bare = `localhost:${running.port}`;
    if (path.startsWith('/api/v1/councils') || path === '/api/v1/forums') return { user: 'platform.admin', host: bare };
    if (/^\/api\/v1\/forums\/[^/]+\/(invitations|settings)$/.test(path))
      return { user: 'forum.coordinator', host: bare };
    return { user: 'charnwood.admin', host: running.councilHost('charnwood') };
  }

  function send(method: Method, path: string, body: JsonObject | Upload) {
    const { user, host } = sender(path);
    const agent = request(running.platformUrl);
    const call = agent[method](path)
      .set('Host', host)
      .set('Authorization', `Bearer ${tokens.get(user) ?? ''}`);
    if (!isUpload(body)) return call.set('Content-Type', 'application/json').send(JSON.stringify(body));
    for (const [name, value] of Object.entries(body.fields)) call.field(name, value);
    return call.attach('file', Buffer.from(body.file.content), body.file.name);
  }

  const get = (path: string) =>
    request(running.platformUrl)
      .get(path)
      .set('Host', running.councilHost('charnwood'))
      .set('Authorization', `Bearer ${tokens.get('charnwood.admin') ?? ''}`);

  /** The id a valid request answers with; a fixture that fails says why. */
  async function created(method: Method, path: string, body: JsonObject): Promise<string> {
    const response = await send(method, path, body);
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${response.text}`);
    return (response.body as { id: string }).id;
  }

  /** An upload once the imports job has read it (or failed to). */
  async function settled(id: string): Promise<ImportView> {
    for (let attempt = 0; attempt < 300; attempt += 1) {
      const view = (await get(`/api/v1/imports/${id}`)).body as ImportView;
      if (view.status !== 'queued' && view.status !== 'parsing') return view;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`Import ${id} was not read`);
  }

  /** Everything a request could have recorded or stored: events, and uploads with their mappings and commits. */
  async function recorded(): Promise<string> {
    const { rows } = await running.app.get(Database).pool.query<{ events: string; imports: string | null }>(
      // The audit worker's start-up run checkpoints each council's log on its own schedule: its
      // streams are not what a request records.
      `SELECT (SELECT count(*) FROM event_store.events
                WHERE stream_id NOT LIKE 'checkpoint-%' AND stream_id NOT LIKE 'integrity-%') AS events,
              (SELECT string_agg(concat_ws(':', import_id, generation, quarter_convention, column_mapping::text, committed_by), ','
                                 ORDER BY import_id) FROM plan_imports.imports) AS imports`,
    );
    return JSON.stringify(rows[0]);
  }

  // Fixtures: fresh resources, so that each case's clean request is valid.
  const strategyBody = { title: 'Equality Strategy 2024-2028', period: { from: '2024-04-01', to: '2028-03-31' } };
  const strategy = () => created('post', '/api/v1/strategies', strategyBody);
  const objective = (strategyId: string) =>
    created('post', `/api/v1/strategies/${strategyId}/objectives`, {
      ref: 'PEO 1',
      title: 'Understanding our communities',
      psedAims: ['advance-equality-of-opportunity'],
    });
  const plan = (strategyId: string) =>
    created('post', '/api/v1/plans', {
      strategyId,
      title: 'Equality action plan 2024-2026',
      period: { from: '2024-04-01', to: '2026-03-31' },
    });

  async function planWithAction(): Promise<{
    strategyId: string;
    objectiveId: string;
    planId: string;
    actionId: string;
  }> {
    const strategyId = await strategy();
    const objectiveId = await objective(strategyId);
    const planId = await plan(strategyId);
    const actionId = await created('post', `/api/v1/plans/${planId}/actions`, {
      ref: '1.1',
      objectiveId,
      title: 'Publish the workforce equality report',
      due: 'March 2025',
      leads: ['Human Resources'],
    });
    return { strategyId, objectiveId, planId, actionId };
  }

  const LIFECYCLE = {
    submit: {},
    approve: { approvedOn: '2024-04-10' },
    publish: { publishedOn: '2024-04-12' },
  } as const;

  async function planThrough(steps: readonly (keyof typeof LIFECYCLE)[]): Promise<string> {
    const { planId } = await planWithAction();
    for (const step of steps) await created('post', `/api/v1/plans/${planId}/${step}`, LIFECYCLE[step]);
    return planId;
  }

  async function adoptedStrategy(): Promise<string> {
    const strategyId = await strategy();
    await objective(strategyId);
    await created('post', `/api/v1/strategies/${strategyId}/adopt`, { adoptedOn: '2024-03-20' });
    return strategyId;
  }

  async function readImport(): Promise<string> {
    const response = await send('post', '/api/v1/imports', {
      fields: {},
      file: { name: 'equality-action-plan.txt', content: SMALL_PLAN },
    });
    expect(response.status).toBe(202);
    const view = await settled((response.body as ImportView).id);
    if (view.status !== 'ready') throw new Error(`The small plan was not read: ${JSON.stringify(view)}`);
    return view.id;
  }

  const period = { from: '2024-04-01', to: '2026-03-31' };
  const actionBody = (objectiveId: string) => ({
    ref: '2.1',
    objectiveId,
    title: 'Hold a Pride event with Gwasanaethau Cymraeg: ŵ ŷ 🏳️‍🌈',
    description: 'With the staff network.\nTwo lines.',
    due: 'June 2025',
    leads: ['Communications'],
    successMeasures: ['Event held'],
    protectedCharacteristics: ['sexual-orientation'],
  });
  const objectiveBody = {
    ref: 'PEO 2',
    title: 'A diverse workforce',
    description: 'Our staff reflect our communities.',
    psedAims: ['eliminate-discrimination'],
    eflgModules: [EFLG_MODULES[0]],
    group: { kind: 'pillar', title: 'Our people' },
  };

  const measureBody = (actionId: string) => ({
    subject: { actionId },
    title: 'Staff completing equality training',
    unit: 'percent',
    direction: 'increase',
    baseline: { value: 50, on: '2024-04-01' },
    target: { kind: 'threshold', comparator: 'more-than', value: 90 },
  });

  /** A valid request of every write endpoint with a body, keyed as the OpenAPI document names it. */
  const CASES: Readonly<Record<string, () => Promise<Prepared>>> = {
    'post /api/v1/councils': () =>
      Promise.resolve({
        path: '/api/v1/councils',
        body: {
          slug: 'edge-borough',
          name: 'Edge Borough Council',
          type: 'borough',
          nation: 'England',
          region: 'East Midlands',
          quarterConvention: 'financial',
        },
      }),
    'patch /api/v1/council/settings': () =>
      Promise.resolve({
        path: '/api/v1/council/settings',
        body: {
          quarterConvention: 'financial',
          updateCycle: { frequency: 'quarterly', dueDay: 15, remindDaysBefore: 7 },
        },
      }),
    'post /api/v1/strategies': () => Promise.resolve({ path: '/api/v1/strategies', body: strategyBody }),
    'post /api/v1/plans': async () => ({
      path: '/api/v1/plans',
      body: { strategyId: await strategy(), title: 'Equality action plan 2024-2026', period },
    }),
    'post /api/v1/strategies/{strategyId}/objectives': async () => ({
      path: `/api/v1/strategies/${await strategy()}/objectives`,
      body: objectiveBody,
    }),
    'patch /api/v1/strategies/{strategyId}/objectives/{objectiveId}': async () => {
      const strategyId = await strategy();
      return {
        path: `/api/v1/strategies/${strategyId}/objectives/${await objective(strategyId)}`,
        body: objectiveBody,
      };
    },
    'post /api/v1/strategies/{strategyId}/objectives/{objectiveId}/retire': async () => {
      const strategyId = await strategy();
      return {
        path: `/api/v1/strategies/${strategyId}/objectives/${await objective(strategyId)}/retire`,
        body: { reason: 'Merged into PEO 2' },
      };
    },
    'post /api/v1/strategies/{strategyId}/adopt': async () => {
      const strategyId = await strategy();
      await objective(strategyId);
      return { path: `/api/v1/strategies/${strategyId}/adopt`, body: { adoptedOn: '2024-03-20' } };
    },
    'post /api/v1/strategies/{strategyId}/publish': async () => ({
      path: `/api/v1/strategies/${await adoptedStrategy()}/publish`,
      body: { publishedOn: '2024-03-25' },
    }),
    'post /api/v1/strategies/{strategyId}/archive': async () => ({
      path: `/api/v1/strategies/${await adoptedStrategy()}/archive`,
      body: { archivedOn: '2024-03-30', reason: 'Replaced by the 2025 strategy' },
    }),
    'post /api/v1/plans/{planId}/return': async () => ({
      path: `/api/v1/plans/${await planThrough(['submit'])}/return`,
      body: { reason: 'Add the workforce actions' },
    }),
    'post /api/v1/plans/{planId}/approve': async () => ({
      path: `/api/v1/plans/${await planThrough(['submit'])}/approve`,
      body: { approvedOn: '2024-04-10' },
    }),
    'post /api/v1/plans/{planId}/publish': async () => ({
      path: `/api/v1/plans/${await planThrough(['submit', 'approve'])}/publish`,
      body: { publishedOn: '2024-04-12' },
    }),
    'post /api/v1/plans/{planId}/close': async () => ({
      path: `/api/v1/plans/${await planThrough(['submit', 'approve', 'publish'])}/close`,
      body: { closedOn: '2026-03-31', reason: 'Superseded by the 2026-2028 plan' },
    }),
    'post /api/v1/plans/{planId}/actions': async () => {
      const { planId, objectiveId } = await planWithAction();
      return { path: `/api/v1/plans/${planId}/actions`, body: actionBody(objectiveId) };
    },
    'patch /api/v1/plans/{planId}/actions/{actionId}': async () => {
      const { planId, actionId, objectiveId } = await planWithAction();
      const { ref: _ref, due: _due, ...revision } = actionBody(objectiveId);
      return { path: `/api/v1/plans/${planId}/actions/${actionId}`, body: revision };
    },
    'post /api/v1/plans/{planId}/actions/{actionId}/due-revisions': async () => {
      const { planId, actionId } = await planWithAction();
      return {
        path: `/api/v1/plans/${planId}/actions/${actionId}/due-revisions`,
        body: { due: 'September 2025', reason: 'Waiting for the census data' },
      };
    },
    'post /api/v1/plans/{planId}/actions/{actionId}/progress': async () => {
      const { planId, actionId } = await planWithAction();
      return {
        path: `/api/v1/plans/${planId}/actions/${actionId}/progress`,
        body: { status: 'in-progress', rag: 'green', narrative: 'Data collected.', asOf: '2024-07-01' },
      };
    },
    'post /api/v1/plans/{planId}/actions/{actionId}/complete': async () => {
      const { planId, actionId } = await planWithAction();
      return {
        path: `/api/v1/plans/${planId}/actions/${actionId}/complete`,
        body: { completedOn: '2024-09-30', narrative: 'Report published.' },
      };
    },
    'post /api/v1/plans/{planId}/actions/{actionId}/defer': async () => {
      const { planId, actionId } = await planWithAction();
      return {
        path: `/api/v1/plans/${planId}/actions/${actionId}/defer`,
        body: { deferredOn: '2024-09-30', reason: 'No budget this year' },
      };
    },
    'post /api/v1/plans/{planId}/actions/{actionId}/cancel': async () => {
      const { planId, actionId } = await planWithAction();
      return {
        path: `/api/v1/plans/${planId}/actions/${actionId}/cancel`,
        body: { cancelledOn: '2024-09-30', reason: 'Done by the county instead' },
      };
    },
    'post /api/v1/imports': () =>
      Promise.resolve({
        path: '/api/v1/imports',
        body: {
          fields: { quarterConvention: 'financial', columnMapping: '{"Success Measure":"measure"}' },
          file: { name: 'equality-action-plan.txt', content: SMALL_PLAN },
        },
      }),
    'patch /api/v1/imports/{id}': async () => ({
      path: `/api/v1/imports/${await readImport()}`,
      body: {
        columnMapping: { 'Success Measure': 'description' },
        quarterConvention: 'financial',
        rowRoles: { 'line 3': 'action' },
      },
    }),
    'put /api/v1/accreditations/{scheme}': async () => ({
      path: '/api/v1/accreditations/race-at-work-charter',
      body: {
        schemeVersion: '2018',
        targetLevel: 1,
        commitments: [
          {
            ref: '1',
            status: 'met',
            actionIds: [(await planWithAction()).actionId],
            links: [{ title: 'Sponsor for race: Gwasanaethau Cymraeg ŵ', url: 'https://www.example.gov.uk/race' }],
          },
        ],
      },
    }),
    'post /api/v1/accreditations/{scheme}/awards': () =>
      Promise.resolve({
        path: '/api/v1/accreditations/carer-confident/awards',
        body: { level: 1, awardedOn: '2024-01-01', expiresOn: '2027-01-01' },
      }),
    'post /api/v1/accreditations/{scheme}/withdrawal': async () => {
      await created('post', '/api/v1/accreditations/stonewall-wei/awards', { level: 1, awardedOn: '2024-01-01' });
      return {
        path: '/api/v1/accreditations/stonewall-wei/withdrawal',
        body: { withdrawnOn: '2025-01-01', reason: 'The council no longer takes part in the index' },
      };
    },
    'post /api/v1/plans/{planId}/discard': async () => ({
      path: `/api/v1/plans/${(await planWithAction()).planId}/discard`,
      body: { reason: 'A second import of the same plan' },
    }),
    'post /api/v1/measures': async () => ({
      path: '/api/v1/measures',
      body: measureBody((await planWithAction()).actionId),
    }),
    'post /api/v1/measures/{measureId}/readings': async () => {
      const measureId = await created('post', '/api/v1/measures', measureBody((await planWithAction()).actionId));
      return {
        path: `/api/v1/measures/${measureId}/readings`,
        body: { value: 75, on: '2024-09-30', note: 'Quarter two: Gwasanaethau Cymraeg ŵ' },
      };
    },
    'post /api/v1/forums': () =>
      Promise.resolve({
        path: '/api/v1/forums',
        body: { slug: 'edge-forum', name: 'Edge Forum', region: 'East Midlands', themes: ['Workforce'] },
      }),
    'post /api/v1/forums/{forum}/invitations': () =>
      Promise.resolve({ path: `/api/v1/forums/${DEMO_FORUM}/invitations`, body: { council: 'leicestershire' } }),
    'put /api/v1/forums/{forum}/settings': () =>
      Promise.resolve({
        path: `/api/v1/forums/${DEMO_FORUM}/settings`,
        body: { themes: ['Workforce', 'Gwasanaethau Cymraeg'], showNames: true },
      }),
    'put /api/v1/forums/{forum}/consent': async () => {
      await created('post', `/api/v1/forums/${DEMO_FORUM}/invitations`, { council: 'charnwood' });
      return {
        path: `/api/v1/forums/${DEMO_FORUM}/consent`,
        body: { scope: { progressByStatus: true, measures: ['Report published'], actions: 'counts' } },
      };
    },
    'post /api/v1/imports/{id}/commit': async () => ({
      path: `/api/v1/imports/${await readImport()}/commit`,
      body: {
        outcome: 'draft',
        strategyTitle: 'Equality Strategy 2024-2028',
        planTitle: 'Equality Action Plan 2024-2026',
        period,
        strategyPeriod: { from: '2024-04-01', to: '2028-03-31' },
      },
    }),
    // Last: the worker generates the report in the background, recording events after the case.
    'post /api/v1/reports': async () => ({
      path: '/api/v1/reports',
      body: {
        type: 'progress',
        planId: (await planWithAction()).planId,
        asOf: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date()),
        since: '2024-04-01',
        format: 'csv',
      },
    }),
  };

  /** The API's write operations with string fields in their body (the identity provider's forms are not the API). */
  function writeOperations(): { key: string; method: Method; fields: StringField[] }[] {
    return Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/'))
      .flatMap(([path, operations]) =>
        WRITE_METHODS.flatMap((method) => {
          const content = operations[method]?.requestBody?.content ?? {};
          const fields = Object.values(content).flatMap((media) => stringFields(media.schema));
          return fields.length === 0 ? [] : [{ key: `${method} ${path}`, method, fields }];
        }),
      );
  }

  it('has a valid request for every write endpoint whose body holds text, and no other', () => {
    expect(
      writeOperations()
        .map((operation) => operation.key)
        .sort(),
    ).toEqual(Object.keys(CASES).sort());
  });

  it.each(Object.keys(CASES))(
    '%s: NUL or a lone surrogate in any string field is 400 naming it, nothing recorded; then it succeeds',
    async (key) => {
      const operation = writeOperations().find((candidate) => candidate.key === key);
      const prepare = CASES[key];
      if (operation === undefined || prepare === undefined) throw new Error(`${key} is not in the OpenAPI document`);
      const { path, body } = await prepare();
      const wrong: string[] = [];
      for (const field of operation.fields) {
        for (const [name, character] of [
          ['NUL', NUL],
          ['a lone surrogate', LONE_SURROGATE],
        ] as const) {
          const before = await recorded();
          const { response, named } = await sendWithCharacter(operation.method, path, body, field, character);
          const problem = response.body as Problem;
          const fields = (problem.errors ?? []).map((error) => error.field);
          const stored = await recorded();
          if (response.status !== 400 || !fields.includes(named) || stored !== before) {
            wrong.push(
              `${named} with ${name}: ${response.status} naming [${fields.join(', ')}]${stored === before ? '' : ', recorded'}`,
            );
          }
        }
      }
      expect(wrong).toEqual([]);
      const clean = await send(operation.method, path, body);
      expect({
        status: clean.status < 300 ? 'succeeded' : clean.status,
        body: clean.status < 300 ? null : clean.text,
      }).toEqual({
        status: 'succeeded',
        body: null,
      });
    },
  );

  /** The request with the character in one field: as JSON text, or in a multipart field's value. */
  async function sendWithCharacter(
    method: Method,
    path: string,
    body: JsonObject | Upload,
    field: StringField,
    character: string,
  ): Promise<{ response: Response; named: string }> {
    if (!isUpload(body)) {
      const spoiltBody = withCharacterIn(body, field, character);
      return { response: await send(method, path, spoiltBody.body), named: spoiltBody.named };
    }
    const name = String(field.path[0]);
    const value = body.fields[name] ?? '';
    const response = await send(method, path, {
      ...body,
      fields: { ...body.fields, [name]: spoilt(value, character) },
    });
    return { response, named: name };
  }

  describe('an upload', () => {
    it('refuses a column mapping whose heading holds NUL or a lone surrogate (JSON escapes in the field), storing nothing', async () => {
      for (const heading of ['Success\\u0000Measure', 'Success\\ud800Measure']) {
        const before = await recorded();
        const response = await send('post', '/api/v1/imports', {
          fields: { columnMapping: `{"${heading}":"measure"}` },
          file: { name: 'equality-action-plan.txt', content: SMALL_PLAN },
        });
        expect(response.status).toBe(400);
        const problem = response.body as Problem;
        expect(problem.errors?.map((error) => error.field.slice(0, 'columnMapping'.length))).toEqual(['columnMapping']);
        expect(problem.errors?.[0]?.detail).toMatch(/must not contain (control|broken) characters/);
        expect(await recorded()).toBe(before);
      }
    });

    it("drops noncharacters and C1 controls from the file's name: it is the file's, not typed (NUL and C0 controls cannot reach it)", async () => {
      const response = await send('post', '/api/v1/imports', {
        fields: {},
        file: { name: 'equality\uffff-action\u0085-plan.txt', content: SMALL_PLAN },
      });
      expect(response.status).toBe(202);
      expect((response.body as ImportView).document.fileName).toBe('equality-action-plan.txt');
    });
  });

  it('reads a document holding NUL, other controls and character references to half a pair, and commits it whole', async () => {
    const garbled = SMALL_PLAN.replace('Publish the', 'Publish\u0000 the\u0007').replace(
      'Policy Team',
      'Policy&#xD800; Team&#1;',
    );
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(garbled, 'utf16le')]);
    const upload = await request(running.platformUrl)
      .post('/api/v1/imports')
      .set('Host', running.councilHost('charnwood'))
      .set('Authorization', `Bearer ${tokens.get('charnwood.admin') ?? ''}`)
      .attach('file', utf16, 'garbled-plan.txt');
    expect(upload.status).toBe(202);
    const view = await settled((upload.body as ImportView).id);
    expect(view.status).toBe('ready');
    expect(view.preview?.actions.map((action) => [action.title, action.leads])).toEqual([
      ['Publish the workforce equality report', ['Human Resources']],
      ['Review the equality impact assessment guidance', ['Policy Team']],
    ]);
    const committed = await send('post', `/api/v1/imports/${view.id}/commit`, { publish: false });
    expect(committed.status).toBe(201);
  });
});
