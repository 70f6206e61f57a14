import {
  applyDecorators,
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Patch,
  Post,
  Res,
  ServiceUnavailableException,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
  type SchemaObject,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { catchError, throwError, type Observable } from 'rxjs';
import { z } from 'zod';
import { CouncilAccess } from '@due-regard/identity';
import { DEFAULT_LIMITS } from '@due-regard/plan-import';
import { IdempotencyInterceptor } from '@due-regard/commands';
import { rolesFor } from '@due-regard/plans';
import { ProblemException, RequestValidationError, ZodValidationPipe } from '@due-regard/platform';
import { ImportCommitError, ImportForbiddenError, type CommitResult } from '../commit/commit-types.js';
import { commitBody, remapBody, uploadFields, type RemapBody } from './uploads.body.js';
import { commitResultSchema, importProblemSchema, importViewSchema, viewOf, type ImportView } from './uploads.view.js';
import { ImportNotFoundError, ImportQueueError, ImportStateError, ImportWorkflow } from './import-workflow.js';
import { refuseAtOnce } from './upload-checks.js';
import { QUARTER_CONVENTIONS } from '@due-regard/shared-kernel';

/** The part of an uploaded file multer's memory storage gives. */
interface UploadedDocument {
  readonly originalname: string;
  readonly mimetype: string;
  readonly buffer: Buffer;
}

/** A zod schema as an OpenAPI 3.0 schema. */
function openApiSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): SchemaObject {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as SchemaObject;
}

const API_IMPORTS = '/api/v1/imports';
const importPath = (id: string): string => `${API_IMPORTS}/${id}`;

const IMPORT_PROBLEM = 'urn:due-regard:problem:import';

const idParam = new ZodValidationPipe(z.uuid('Not an id this service issues'));

const PROBLEMS: Readonly<Record<number, string>> = {
  400: 'The request is malformed: each field at fault is named in `errors`',
  401: 'No valid access token',
  403: "Your roles do not allow this (a plan editor's import goes at most as far as submitting the plan for approval); another council's users always get 403",
  404: 'There is no such import in this council',
  409: 'The import is not ready to commit, is being committed, or was committed already (`code` says which)',
  413: `The file is over the ${DEFAULT_LIMITS.maxBytes}-byte limit`,
  415: 'A type the importer never reads (PDF, old Office formats, images)',
  422: 'The file is empty, the document could not be read, or a commit was refused (`code`; `recorded` says what a commit that stopped had recorded)',
  503: 'The import could not be queued: try again',
};

function problems(...statuses: number[]): MethodDecorator[] {
  return statuses.map((status) =>
    ApiResponse({
      status,
      description: PROBLEMS[status] ?? 'See the problem details',
      content: { 'application/problem+json': { schema: openApiSchema(importProblemSchema) } },
    }),
  );
}

const importIdParam = ApiParam({
  name: 'id',
  format: 'uuid',
  schema: { type: 'string', format: 'uuid' },
  description: 'The import, as POST /api/v1/imports answered it',
});

const idempotencyKeyHeader = ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description:
    'Any unique string (a UUID): repeating the request with the same key, fields and file within 24 hours answers the first response again and stores or records nothing more; the same key for another request is refused with 422.',
});

const importResponse = (status: number, description: string) =>
  ApiResponse({
    status,
    description,
    schema: openApiSchema(importViewSchema),
    headers: { Location: { description: 'Where to poll the import', schema: { type: 'string' } } },
  });

/** The workflow's refusals as the API's problem details. */
@Injectable()
class ImportProblemsInterceptor implements NestInterceptor {
  intercept(_execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => problemOf(error))));
  }
}

function problemOf(error: unknown): unknown {
  if (error instanceof ImportNotFoundError) return new NotFoundException(error.message);
  if (error instanceof ImportForbiddenError) {
    return new ProblemException({
      status: 403,
      type: `${IMPORT_PROBLEM}:import_forbidden`,
      title: 'You may not import the plan this way',
      detail: error.message,
      extensions: { code: 'import_forbidden' },
    });
  }
  if (error instanceof ImportQueueError) return new ServiceUnavailableException(error.message);
  if (!(error instanceof ImportStateError)) return error;
  return new ProblemException({
    status: error.status,
    type: `${IMPORT_PROBLEM}:${error.code}`,
    title: error.title,
    detail: error.message,
    extensions: { code: error.code },
  });
}

/**
 * Importing a council's existing action plan: upload a document (the `imports` job reads it into a
 * preview), check the preview and remap columns the importer did not recognise, then commit it as
 * a strategy and a plan. Nothing reaches the event store before the commit, and an import commits
 * once.
 */
@ApiTags('Imports')
@Controller('api/v1/imports')
@UseInterceptors(ImportProblemsInterceptor)
export class ImportsHttpController {
  constructor(private readonly workflow: ImportWorkflow) {}

  @Post()
  @HttpCode(202)
  @CouncilAccess(...rolesFor('importPlan'))
  @UseInterceptors(
    FileInterceptor('file', {
      defParamCharset: 'utf8',
      limits: { fileSize: DEFAULT_LIMITS.maxBytes, files: 1, fields: 4, parts: 5, fieldSize: 64 * 1024 },
    }),
    // After the file interceptor: the key's fingerprint includes the SHA-256 of the uploaded bytes.
    IdempotencyInterceptor,
  )
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary: 'Upload a plan document to import',
    description:
      "Pasted text (.txt), Word (.docx), OpenDocument (.odt, .ods), Excel (.xlsx) or CSV, up to 10 MB. The `imports` job reads it into a preview; poll the Location until `status` is ready (or failed). Nothing is recorded until the import is committed. A bare quarter reads as the council's setting says unless `quarterConvention` is sent. An `Idempotency-Key` makes a repeat (same fields, same file bytes) answer the first upload again; the same key with another file or fields is 422. Roles: plan-editor, council-admin.",
  })
  @ApiBody({
    required: true,
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'The plan document' },
        quarterConvention: {
          type: 'string',
          enum: [...QUARTER_CONVENTIONS],
          description: 'How a bare "Q1 2024" reads; the council\'s setting (GET /api/v1/council) when left out',
        },
        columnMapping: {
          type: 'string',
          description: 'Optional JSON object: heading → role, e.g. {"Milestone":"due"}',
        },
      },
    },
  })
  @idempotencyKeyHeader
  @importResponse(202, 'Stored and queued; Location names the import to poll')
  @applyDecorators(...problems(400, 401, 403, 413, 415, 422, 503))
  async upload(
    @UploadedFile() file: UploadedDocument | undefined,
    @Body() fields: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImportView> {
    if (file === undefined) {
      throw new RequestValidationError([
        { in: 'body', field: 'file', pointer: '#/file', detail: 'Choose a file to upload (form field "file")' },
      ]);
    }
    const bytes = new Uint8Array(file.buffer);
    const mediaType = file.mimetype.trim() === '' ? null : file.mimetype;
    const refusal = refuseAtOnce(file.originalname, mediaType, bytes);
    if (refusal !== null) {
      throw new ProblemException({
        status: refusal.status,
        type: `${IMPORT_PROBLEM}:${refusal.code}`,
        title: 'This file cannot be imported',
        detail: refusal.message,
        extensions: { code: refusal.code },
      });
    }
    const { quarterConvention, columnMapping } = new ZodValidationPipe(uploadFields).transform(fields ?? {}, {
      type: 'body',
    });
    const record = await this.workflow.start({
      fileName: file.originalname,
      mediaType,
      bytes,
      ...(quarterConvention === undefined ? {} : { quarterConvention }),
      columnMapping,
    });
    response.setHeader('Location', importPath(record.id));
    return viewOf(record);
  }

  @Get(':id')
  @CouncilAccess(...rolesFor('importPlan'))
  @ApiOperation({
    summary: 'An import: status, progress, preview, warnings, detected columns',
    description:
      'The preview is the `--dry-run --json` document (groups, objectives, actions, warnings). Roles: plan-editor, council-admin.',
  })
  @importIdParam
  @importResponse(200, 'The import as it stands')
  @applyDecorators(...problems(400, 401, 403, 404))
  async get(@Param('id', idParam) id: string): Promise<ImportView> {
    return viewOf(await this.workflow.found(id));
  }

  @Patch(':id')
  @HttpCode(202)
  @CouncilAccess(...rolesFor('importPlan'))
  @ApiOperation({
    summary: 'Read the document again with a column mapping',
    description:
      'Maps headings the importer did not recognise (or read wrongly) to what they hold, and re-reads the document with the mapping in a new `imports` job. Not once the import is committed. Roles: plan-editor, council-admin.',
  })
  @importIdParam
  @ApiBody({ required: true, schema: openApiSchema(remapBody, 'input') })
  @importResponse(202, 'Queued again; poll the Location')
  @applyDecorators(...problems(400, 401, 403, 404, 409, 503))
  async remap(
    @Param('id', idParam) id: string,
    @Body(new ZodValidationPipe(remapBody)) body: RemapBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImportView> {
    const record = await this.workflow.remap(id, body.columnMapping, body.quarterConvention, body.rowRoles);
    response.setHeader('Location', importPath(record.id));
    return viewOf(record);
  }

  @Post(':id/commit')
  @HttpCode(201)
  @UseInterceptors(IdempotencyInterceptor)
  @CouncilAccess(...rolesFor('commitImport'))
  @ApiOperation({
    summary: 'Commit the preview as a strategy and an action plan',
    description:
      "Records the preview through the plans commands (source `import`, the document's name and SHA-256 in every event's metadata): a strategy with its objectives, a plan with its actions, the due revisions and progress the document records. `outcome` says how far it goes: a plan editor may keep it a draft or submit it for approval; publishing it (adopting and publishing the strategy, submitting, approving and publishing the plan) is a council administrator's (403 otherwise, recording nothing). An import commits once; with an `Idempotency-Key` a repeat answers the first commit again (201), the same key with another body is 422. Roles: plan-editor, council-admin.",
  })
  @importIdParam
  @idempotencyKeyHeader
  @ApiBody({ required: false, schema: openApiSchema(commitBody, 'input') })
  @ApiResponse({
    status: 201,
    description: 'Recorded; Location names the plan',
    schema: openApiSchema(commitResultSchema),
    headers: { Location: { description: 'The plan', schema: { type: 'string' } } },
  })
  @applyDecorators(...problems(400, 401, 403, 404, 409, 422))
  async commit(
    @Param('id', idParam) id: string,
    @Body() rawBody: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommitResult> {
    const body = new ZodValidationPipe(commitBody).transform(rawBody ?? {}, { type: 'body' });
    try {
      const result = await this.workflow.commit(id, {
        outcome: body.outcome ?? (body.publish === true ? 'published' : 'draft'),
        ...(body.strategyTitle === undefined ? {} : { strategyTitle: body.strategyTitle }),
        ...(body.planTitle === undefined ? {} : { planTitle: body.planTitle }),
        ...(body.period === undefined ? {} : { planPeriod: body.period }),
        ...(body.strategyPeriod === undefined ? {} : { strategyPeriod: body.strategyPeriod }),
      });
      response.setHeader('Location', `/api/v1/plans/${result.plan.id}`);
      return result;
    } catch (error) {
      if (!(error instanceof ImportCommitError)) throw error;
      throw new ProblemException({
        status: 422,
        type: `${IMPORT_PROBLEM}:${error.code}`,
        title: 'The import cannot be committed',
        detail: error.message,
        extensions: { code: error.code, step: error.step },
      });
    }
  }
}
