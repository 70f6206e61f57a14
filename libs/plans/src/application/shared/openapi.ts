import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiParam, ApiQuery, ApiResponse, type SchemaObject } from '@nestjs/swagger';
import { z } from 'zod';
import { writeResultSchema } from './command-result.js';

/** A zod schema as an OpenAPI 3.0 schema: request bodies as clients write them, responses as we send them. */
export function openApiSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): SchemaObject {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as SchemaObject;
}

const fieldErrorSchema = z.object({
  in: z.string().describe('body, query, param or header'),
  field: z.string().describe('Dotted path of the field, e.g. period.to'),
  pointer: z.string().describe('JSON pointer, e.g. #/period/to'),
  detail: z.string(),
});

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string().optional().describe('Which rule refused the request (422, 409)'),
    errors: z.array(fieldErrorSchema).optional().describe('The fields at fault (400, 422)'),
    currentVersion: z.int().optional().describe("The resource's current version (412, 409 on a version clash)"),
    requestId: z.string().optional(),
  })
  .describe('RFC 9457 problem details');

const PROBLEMS: Readonly<Record<number, string>> = {
  400: 'The request is malformed: each field at fault is named in `errors`; nothing was recorded',
  401: 'No valid access token',
  403: "Your roles (or, for an action lead, your teams) do not allow this; another council's users always get 403",
  404: 'There is no such strategy, plan or action in this council',
  409: 'It exists already, someone changed it at the same moment (send If-Match to be told which version), or the same Idempotency-Key is still being processed',
  412: 'If-Match names a version that is no longer current: `currentVersion` says which is; nothing was recorded',
  422: 'A rule refused it (`code`, and the field in `errors` when one is at fault), or the Idempotency-Key was used for a different request; nothing was recorded',
};

function problemResponses(statuses: readonly number[]): MethodDecorator[] {
  return statuses.map((status) =>
    ApiResponse({
      status,
      description: PROBLEMS[status] ?? 'See the problem details',
      content: { 'application/problem+json': { schema: openApiSchema(problemSchema) } },
    }),
  );
}

const ETAG_HEADER = { ETag: { description: 'The stream version, e.g. "3"', schema: { type: 'string' as const } } };

export interface CommandDocs {
  /** The route's path, as given to @Post/@Patch, to document its ids. */
  readonly path?: string;
  readonly summary: string;
  readonly description?: string;
  readonly body?: z.ZodType;
  /** The body may be left out (every field has a default). */
  readonly bodyOptional?: boolean;
  /** False where the change creates a stream of its own, so there is no version to match. */
  readonly ifMatch?: boolean;
  /** 201 with Location of the new resource; otherwise 200. */
  readonly created?: boolean;
  readonly result?: z.ZodType;
  /** Beyond 400, 401, 403, 404 and 412, which every change may answer. */
  readonly refusals?: readonly number[];
}

const ID_DESCRIPTIONS: Readonly<Record<string, string>> = {
  strategyId: 'The strategy',
  objectiveId: "One of the strategy's objectives",
  planId: 'The action plan',
  actionId: "One of the plan's actions",
  measureId: 'The measure',
};

/** Path ids are the UUIDs this service issues. */
function idParams(path: string | undefined): MethodDecorator[] {
  return [...(path ?? '').matchAll(/:(\w+)/g)].flatMap(([, name]) =>
    name === undefined
      ? []
      : [
          ApiParam({
            name,
            format: 'uuid',
            schema: { type: 'string', format: 'uuid' },
            description: ID_DESCRIPTIONS[name] ?? name,
          }),
        ],
  );
}

/** The OpenAPI of a change: its body, If-Match and Idempotency-Key, what it answers and how it refuses. */
export function DocumentCommand(docs: CommandDocs): MethodDecorator {
  return applyDecorators(
    ...idParams(docs.path),
    ApiOperation({
      summary: docs.summary,
      ...(docs.description === undefined ? {} : { description: docs.description }),
    }),
    ...(docs.body === undefined
      ? []
      : [ApiBody({ schema: openApiSchema(docs.body, 'input'), required: docs.bodyOptional !== true })]),
    ...(docs.ifMatch === false
      ? []
      : [
          ApiHeader({
            name: 'If-Match',
            required: false,
            description:
              'The ETag you read ("3" or W/"3"). A stale one is refused with 412 and nothing is recorded. Without it the change applies to the version the server reads.',
          }),
        ]),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Any unique string (a UUID): repeating the request with the same key and body within 24 hours answers the first response again and records nothing; the same key with another body is refused with 422.',
    }),
    ApiResponse({
      status: docs.created === true ? 201 : 200,
      description:
        docs.created === true ? 'Recorded; Location names the new resource' : 'Recorded (or nothing to record)',
      schema: openApiSchema(docs.result ?? writeResultSchema),
      headers: {
        ...ETAG_HEADER,
        Location: { description: 'Where the resource is read', schema: { type: 'string' } },
      },
    }),
    ...problemResponses([400, 401, 403, 404, 412, ...(docs.refusals ?? [409, 422])]),
  );
}

export interface ReadDocs {
  /** The route's path, as given to @Get, to document its ids. */
  readonly path?: string;
  readonly summary: string;
  readonly description?: string;
  readonly result: z.ZodType;
  readonly asOf?: boolean;
}

/** The OpenAPI of a single-resource read: its ETag, and `asOf` where the past can be read. */
export function DocumentRead(docs: ReadDocs): MethodDecorator {
  return applyDecorators(
    ...idParams(docs.path),
    ApiOperation({
      summary: docs.summary,
      ...(docs.description === undefined ? {} : { description: docs.description }),
    }),
    ...(docs.asOf === true
      ? [
          ApiQuery({
            name: 'asOf',
            required: false,
            description:
              'An ISO 8601 instant (e.g. 2025-03-31T23:00:00Z): the resource as it stood then, rebuilt from its events',
            schema: { type: 'string', format: 'date-time' },
          }),
        ]
      : []),
    ApiResponse({ status: 200, description: 'Found', schema: openApiSchema(docs.result), headers: ETAG_HEADER }),
    ...problemResponses([400, 401, 403, 404]),
  );
}
