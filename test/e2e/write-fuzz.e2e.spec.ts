import fc from 'fast-check';
import request from 'supertest';
import { Database } from '@due-regard/platform';
import { TEST_REDIS_URL } from '@due-regard/testing';
import { startDueRegard, type RunningApp } from './support/running-app.js';

// Every write operation of the API with a JSON body, read from the app's own OpenAPI document (an
// operation added later joins at once), is sent bodies fast-check builds from its schema: the
// right shape with fields left out, of the wrong type, huge, in odd Unicode, or with fields of
// no schema's; and anything at all. No body may get a 5xx, and a 4xx must leave nothing recorded.
// The run count is modest (RUNS per operation) so that the file takes a minute or two; fast-check
// prints the seed and the shrunk body of any failure, to replay it.
const REDIS_URL = `${TEST_REDIS_URL}/13`;
const RUNS = 40;

type Method = 'post' | 'put' | 'patch' | 'delete';
const WRITE_METHODS: readonly Method[] = ['post', 'put', 'patch', 'delete'];

interface JsonSchema {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly additionalProperties?: JsonSchema | boolean;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly nullable?: boolean;
}

interface OpenApiOperation {
  readonly requestBody?: { readonly content: Readonly<Record<string, { readonly schema: JsonSchema }>> };
}
interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Partial<Record<Method, OpenApiOperation>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, JsonSchema>> };
}

/** Text no field should choke on: huge, control characters, lone surrogates, right-to-left, emoji. */
const oddText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '\ud800', '\u202e', '\ufeff', '🏳️‍🌈', 'ŵŷ', '<script>', "'; DROP TABLE x;--"),
  fc.nat({ max: 200_000 }).map((length) => 'x'.repeat(length)),
);

const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 });

describe('generated bodies on every write operation', () => {
  let running: RunningApp;
  let document: OpenApiDocument;
  const tokens = new Map<string, string>();
  const ids = new Map<string, string>();

  beforeAll(async () => {
    running = await startDueRegard({ REDIS_URL });
    document = (await request(running.platformUrl).get('/api/docs-json')).body as OpenApiDocument;
    for (const user of ['charnwood.admin', 'platform.admin']) tokens.set(user, await running.tokenFor(user));

    // One of each thing a path names, for the operations to act on.
    const strategyId = await created('/api/v1/strategies', {
      title: 'Equality Strategy 2024-2028',
      period: { from: '2024-04-01', to: '2028-03-31' },
    });
    const objectiveId = await created(`/api/v1/strategies/${strategyId}/objectives`, {
      ref: 'PEO 1',
      title: 'Understanding our communities',
      psedAims: ['advance-equality-of-opportunity'],
    });
    const planId = await created('/api/v1/plans', {
      strategyId,
      title: 'Equality action plan 2024-2026',
      period: { from: '2024-04-01', to: '2026-03-31' },
    });
    const actionId = await created(`/api/v1/plans/${planId}/actions`, {
      ref: '1.1',
      objectiveId,
      title: 'Publish the workforce equality report',
      due: 'March 2025',
      leads: ['Human Resources'],
    });
    const upload = await send('post', '/api/v1/imports').attach(
      'file',
      Buffer.from('Ref\tAction\tCompletion Date\n1.1\tPublish the report\tMarch 2025\n'),
      'plan.txt',
    );
    expect(upload.status).toBe(202);
    const measureId = await created('/api/v1/measures', {
      subject: { actionId },
      title: 'Staff completing equality training',
      unit: 'percent',
      direction: 'increase',
      target: { kind: 'threshold', comparator: 'more-than', value: 90 },
    });
    for (const [name, id] of Object.entries({
      strategyId,
      objectiveId,
      planId,
      actionId,
      measureId,
      id: (upload.body as { id: string }).id,
      scheme: 'carer-confident',
      forum: 'leicestershire-equalities-forum',
    }))
      ids.set(name, id);
  });

  afterAll(async () => {
    await running?.close();
  });

  /** A council-admin of Charnwood on its sub-domain; a platform-admin for the council registry on the bare domain. */
  function send(method: Method, path: string) {
    const registry = path.startsWith('/api/v1/councils');
    const agent = request(running.platformUrl);
    return agent[method](path)
      .set('Host', registry ? `localhost:${running.port}` : running.councilHost('charnwood'))
      .set('Authorization', `Bearer ${tokens.get(registry ? 'platform.admin' : 'charnwood.admin') ?? ''}`);
  }

  async function created(path: string, body: object): Promise<string> {
    const response = await send('post', path).set('Content-Type', 'application/json').send(JSON.stringify(body));
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${response.text}`);
    return (response.body as { id: string }).id;
  }

  /** Everything a request could have recorded or stored: events, uploads with their mappings and commits. */
  async function recorded(): Promise<string> {
    const { rows } = await running.app.get(Database).pool.query<{ events: string; imports: string | null }>(
      // Not what a request records: the audit worker's checkpoints and alarms, taken on its own
      // schedule, and a report the worker finishes after an earlier request asked for it.
      `SELECT (SELECT count(*) FROM event_store.events
                WHERE stream_id NOT LIKE 'checkpoint-%' AND stream_id NOT LIKE 'integrity-%'
                  AND type NOT IN ('ReportGenerated', 'ReportFailed')) AS events,
              (SELECT string_agg(concat_ws(':', import_id, generation, quarter_convention, column_mapping::text, committed_by), ','
                                 ORDER BY import_id) FROM plan_imports.imports) AS imports`,
    );
    return JSON.stringify(rows[0]);
  }

  function resolved(schema: JsonSchema): JsonSchema {
    if (schema.$ref === undefined) return schema;
    const name = schema.$ref.split('/').at(-1) ?? '';
    const target = document.components?.schemas?.[name];
    if (target === undefined) throw new Error(`No schema ${schema.$ref}`);
    return resolved(target);
  }

  /** A value of roughly the schema's shape, often wrong: any part may be of another type or odd. */
  function valueFor(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
    const it = resolved(schema);
    const wrong = fc.oneof(anyJson, oddText, fc.constant(null));
    const alternatives = it.anyOf ?? it.oneOf ?? it.allOf;
    if (alternatives !== undefined && alternatives.length > 0)
      return fc.oneof(...alternatives.map((alternative) => valueFor(alternative, depth + 1)), wrong);
    if (it.enum !== undefined && it.enum.length > 0) return fc.oneof(fc.constantFrom(...it.enum), wrong);
    const type: string | undefined = typeof it.type === 'string' ? it.type : it.type?.[0];
    switch (type) {
      case 'object':
        return depth > 3
          ? wrong
          : fc.oneof({ weight: 4, arbitrary: objectFor(it, depth) }, { weight: 1, arbitrary: wrong });
      case 'array':
        return fc.oneof(
          {
            weight: 4,
            arbitrary: fc.array(it.items === undefined ? anyJson : valueFor(it.items, depth + 1), { maxLength: 4 }),
          },
          { weight: 1, arbitrary: wrong },
        );
      case 'string':
        return fc.oneof(
          it.format === 'date'
            ? fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10))
            : fc.string(),
          oddText,
          wrong,
        );
      case 'integer':
      case 'number':
        return fc.oneof(fc.integer(), fc.double(), wrong);
      case 'boolean':
        return fc.oneof(fc.boolean(), wrong);
      case undefined:
      default:
        return wrong;
    }
  }

  /** The schema's properties, each left out now and then, plus fields of no schema's. */
  function objectFor(schema: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
    const properties = Object.entries(schema.properties ?? {});
    const fields = fc.record(
      Object.fromEntries(properties.map(([name, property]) => [name, valueFor(property, depth + 1)])),
      { requiredKeys: [] },
    );
    const extra = fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), oddText), anyJson, { maxKeys: 2 });
    return fc.tuple(fields, fc.oneof(fc.constant({}), extra)).map(([known, unknown]) => ({ ...unknown, ...known }));
  }

  /** The operations to fuzz: every write with a JSON body, its path's parameters filled in. */
  function operations(): { method: Method; template: string; path: string; schema: JsonSchema }[] {
    return Object.entries(document.paths).flatMap(([template, methods]) =>
      WRITE_METHODS.flatMap((method) => {
        const schema = methods[method]?.requestBody?.content['application/json']?.schema;
        if (schema === undefined) return [];
        const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
          const id = ids.get(name);
          if (id === undefined) throw new Error(`No fixture for {${name}} in ${template}`);
          return id;
        });
        return [{ method, template, path, schema }];
      }),
    );
  }

  it('covers every write operation with a JSON body', () => {
    expect(operations().length).toBeGreaterThanOrEqual(20);
  });

  it('never answers 5xx, and records nothing with a 4xx', async () => {
    for (const { method, template, path, schema } of operations()) {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof({ weight: 5, arbitrary: valueFor(schema) }, { weight: 1, arbitrary: anyJson }),
          async (body) => {
            const before = await recorded();
            const response = await send(method, path)
              .set('Content-Type', 'application/json')
              .send(JSON.stringify(body));
            if (response.status >= 500)
              throw new Error(`${method} ${template} answered ${response.status}: ${response.text}`);
            if (response.status >= 400 && (await recorded()) !== before)
              throw new Error(`${method} ${template} answered ${response.status} but recorded something`);
          },
        ),
        { numRuns: RUNS },
      );
    }
  });
});
