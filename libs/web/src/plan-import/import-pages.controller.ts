import { Get, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CouncilAccess, RequestContext } from '@due-regard/identity';
import { checkArchive, DEFAULT_LIMITS, PlanImportError } from '@due-regard/plan-import';
import { importOutcomesFor, personOf, rolesFor, type Period } from '@due-regard/plans';
import { findUnstorableCharacter, unstorableTextMessage } from '@due-regard/shared-kernel';
import {
  ImportCommitError,
  ImportForbiddenError,
  ImportNotFoundError,
  ImportStore,
  ImportStateError,
  ImportWorkflow,
  refuseAtOnce,
  UPLOAD_OUTCOMES,
  viewOf,
  type ImportRecord,
  type ImportView,
  type UploadOutcome,
} from '@due-regard/plan-import-app';
import { PageRenderer } from '../rendering/page-renderer.js';
import { setFlash } from '../session/flash.js';
import { WebController } from '../web-controller.decorator.js';
import { formUploadOf, type FormUpload } from './import-upload.middleware.js';
import {
  checkedDate,
  columnChoices,
  datePartsOf,
  importStatusTag,
  isUnderWay,
  mappingFromForm,
  previewPage,
  progressText,
  rowChoices,
  rowRolesFromForm,
} from './import-view-model.js';
import { dateInputValues, type DateInputValues } from '../forms/date-input.js';
import { ukDateTime } from '../rendering/uk-dates.js';

const MAX_MEGABYTES = DEFAULT_LIMITS.maxBytes / (1024 * 1024);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_TITLE = 300;
const RECENT_IMPORTS = 50;

interface FieldError {
  readonly field: string;
  readonly text: string;
  /** A date input's boxes at fault. */
  readonly dateParts?: readonly (keyof DateInputValues)[];
}

const DATE_FIELDS = ['strategyFrom', 'strategyTo', 'planFrom', 'planTo'] as const;
type DateField = (typeof DATE_FIELDS)[number];

const DATE_DESCRIPTIONS: Readonly<Record<DateField, { readonly legend: string; readonly description: string }>> = {
  strategyFrom: { legend: 'Strategy starts', description: 'the date the strategy starts' },
  strategyTo: { legend: 'Strategy ends', description: 'the date the strategy ends' },
  planFrom: { legend: 'Action plan starts', description: 'the date the action plan starts' },
  planTo: { legend: 'Action plan ends', description: 'the date the action plan ends' },
};

/** A radio of the import form's last question: what the plan becomes. */
interface OutcomeItem {
  readonly value: UploadOutcome;
  readonly text: string;
  readonly hint?: { readonly text: string };
  readonly checked: boolean;
}

const OUTCOME_CHOICES: Readonly<Record<UploadOutcome, Omit<OutcomeItem, 'value' | 'checked'>>> = {
  draft: { text: 'Keep it as a draft to review' },
  submitted: {
    text: 'Submit it for approval',
    hint: { text: 'A council administrator approves and publishes it.' },
  },
  published: {
    text: 'Publish the strategy and the action plan',
    hint: { text: 'Residents will see them on your council’s published plans page.' },
  },
};

/** "… were recorded as a draft.", after the import. */
const OUTCOME_DONE: Readonly<Record<UploadOutcome, string>> = {
  draft: 'as a draft',
  submitted: 'and submitted for approval',
  published: 'and published',
};

/** The import form as typed: shown again with its errors. */
interface CommitFormValues {
  readonly strategyTitle: string;
  readonly planTitle: string;
  readonly outcome: UploadOutcome | null;
  readonly dates: Readonly<Record<DateField, DateInputValues>>;
}

type CommitForm =
  | {
      readonly ok: true;
      readonly values: CommitFormValues & { readonly outcome: UploadOutcome };
      readonly strategyPeriod: Period;
      readonly planPeriod: Period;
    }
  | { readonly ok: false; readonly values: CommitFormValues; readonly errors: readonly FieldError[] };

/**
 * The import pages: upload a plan document, follow its `imports` job, check the preview, say what
 * the columns mean, and import it. Everything goes through the ImportWorkflow the JSON API uses;
 * an import of another council is not found.
 */
@WebController()
export class ImportPagesController {
  constructor(
    private readonly workflow: ImportWorkflow,
    private readonly store: ImportStore,
    private readonly renderer: PageRenderer,
    private readonly context: RequestContext,
  ) {}

  @Get('imports')
  @CouncilAccess(...rolesFor('importPlan'))
  async list(@Req() request: Request, @Res() response: Response): Promise<void> {
    const you = this.context.principal().subject;
    const imports = await this.store.recent(RECENT_IMPORTS);
    await this.renderer.render(request, response, 'plan-import/list.njk', {
      pageTitle: 'Imported plans',
      imports: imports.map((upload) => ({
        href: `/imports/${upload.id}`,
        fileName: upload.fileName,
        uploadedBy: upload.uploadedBy === you ? 'You' : 'Someone else at your council',
        uploadedAt: ukDateTime(upload.createdAt),
        status: importStatusTag(upload.status),
        planHref: upload.planId === null ? null : `/plans/${upload.planId}`,
      })),
    });
  }

  @Get('imports/new')
  @CouncilAccess(...rolesFor('importPlan'))
  async newImport(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.renderUploadForm(request, response, null);
  }

  @Post('imports')
  @CouncilAccess(...rolesFor('importPlan'))
  async upload(@Req() request: Request, @Res() response: Response): Promise<void> {
    const upload = formUploadOf(request);
    const problem = uploadProblem(upload);
    if (problem !== null || upload.kind !== 'file') {
      await this.renderUploadForm(request, response, problem ?? 'Select a file to upload');
      return;
    }
    const record = await this.workflow.start({ ...upload.document, columnMapping: {} });
    response.redirect(303, `/imports/${record.id}`);
  }

  @Get('imports/:id')
  @CouncilAccess(...rolesFor('importPlan'))
  async show(@Param('id') id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const record = await this.found(id);
    await this.renderImport(request, response, record, { errors: [], values: null }, 200);
  }

  /** For the page's script: where the job stands, to reload the page once it is done. */
  @Get('imports/:id/status')
  @CouncilAccess(...rolesFor('importPlan'))
  async status(@Param('id') id: string, @Res() response: Response): Promise<void> {
    const record = await this.found(id);
    response.setHeader('Cache-Control', 'no-store');
    response.json({
      status: record.status,
      progress: record.progress,
      text: progressText(record.status, record.progress),
      done: !isUnderWay(record.status),
    });
  }

  @Get('imports/:id/columns')
  @CouncilAccess(...rolesFor('importPlan'))
  async columns(@Param('id') id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const record = await this.found(id);
    if (record.preview === null || record.status !== 'ready') {
      response.redirect(303, `/imports/${record.id}`);
      return;
    }
    await this.renderColumns(request, response, record, null);
  }

  @Post('imports/:id/columns')
  @CouncilAccess(...rolesFor('importPlan'))
  async remap(@Param('id') id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const record = await this.found(id);
    if (record.preview === null || record.status !== 'ready') {
      response.redirect(303, `/imports/${record.id}`);
      return;
    }
    const chosen = mappingFromForm(record.preview.columns, record.columnMapping, formBody(request));
    if (!chosen.ok) {
      await this.renderColumns(request, response, record, { field: chosen.field, text: chosen.message });
      return;
    }
    try {
      await this.workflow.remap(record.id, chosen.mapping, undefined);
    } catch (error) {
      // Committed meanwhile (by someone else): the import page says so.
      if (!(error instanceof ImportStateError)) throw error;
    }
    response.redirect(303, `/imports/${record.id}`);
  }

  @Get('imports/:id/rows')
  @CouncilAccess(...rolesFor('importPlan'))
  async rows(@Param('id') id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const record = await this.found(id);
    if (record.preview === null || record.status !== 'ready') {
      response.redirect(303, `/imports/${record.id}`);
      return;
    }
    await this.renderRows(request, response, record, null);
  }

  @Post('imports/:id/rows')
  @CouncilAccess(...rolesFor('importPlan'))
  async setRowRoles(@Param('id') id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const record = await this.found(id);
    if (record.preview === null || record.status !== 'ready') {
      response.redirect(303, `/imports/${record.id}`);
      return;
    }
    const chosen = rowRolesFromForm(record.preview.rows, formBody(request));
    if (!chosen.ok) {
      await this.renderRows(request, response, record, { field: chosen.field, text: chosen.message });
      return;
    }
    try {
      await this.workflow.remap(record.id, record.columnMapping, undefined, chosen.rowRoles);
    } catch (error) {
      if (!(error instanceof ImportStateError)) throw error;
    }
    response.redirect(303, `/imports/${record.id}`);
  }

  @Post('imports/:id/commit')
  @CouncilAccess(...rolesFor('commitImport'))
  async commit(@Param('id') id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const record = await this.found(id);
    const committed = viewOf(record).committed;
    if (committed !== null) {
      // Sent twice (a double click, the back button): the plan the first one recorded.
      response.redirect(303, `/plans/${committed.plan.id}`);
      return;
    }
    const form = commitFormOf(formBody(request));
    if (!form.ok) {
      await this.renderImport(request, response, record, { errors: form.errors, values: form.values }, 400);
      return;
    }
    const { values } = form;
    try {
      const result = await this.workflow.commit(record.id, {
        outcome: values.outcome,
        strategyTitle: values.strategyTitle,
        planTitle: values.planTitle,
        strategyPeriod: form.strategyPeriod,
        planPeriod: form.planPeriod,
      });
      setFlash(request, {
        heading: 'Plan imported',
        text: `${result.plan.title}: ${result.objectives} objectives and ${result.actions} actions were recorded ${OUTCOME_DONE[values.outcome]}.`,
      });
      response.redirect(303, `/plans/${result.plan.id}`);
    } catch (error) {
      if (error instanceof ImportForbiddenError) {
        const refusal = { field: 'outcome', text: error.message };
        await this.renderImport(request, response, record, { errors: [refusal], values }, 403);
        return;
      }
      // Taken by another commit meanwhile: the import page says so.
      if (error instanceof ImportStateError) {
        response.redirect(303, `/imports/${record.id}`);
        return;
      }
      if (!(error instanceof ImportCommitError)) throw error;
      const refusal = { field: 'strategyTitle', text: `The plan cannot be imported: ${error.message}` };
      await this.renderImport(request, response, await this.found(id), { errors: [refusal], values }, 400);
    }
  }

  /** What the plan may become, as radios: only the outcomes the plans policy lets this person choose. */
  private outcomeItems(checked: UploadOutcome | null): OutcomeItem[] {
    const offered = importOutcomesFor(personOf(this.context.principal(), this.context.councilSlug()));
    return UPLOAD_OUTCOMES.filter((outcome) => offered.includes(outcome)).map((outcome) => ({
      value: outcome,
      ...OUTCOME_CHOICES[outcome],
      checked: outcome === checked,
    }));
  }

  private async found(id: string): Promise<ImportRecord> {
    if (!UUID.test(id)) throw new NotFoundException();
    try {
      return await this.workflow.found(id);
    } catch (error) {
      if (error instanceof ImportNotFoundError) throw new NotFoundException();
      throw error;
    }
  }

  private async renderUploadForm(request: Request, response: Response, fileError: string | null): Promise<void> {
    await this.renderer.render(
      request,
      response,
      'plan-import/new.njk',
      {
        pageTitle: 'Upload your equality action plan',
        hasErrors: fileError !== null,
        fileError,
        maxMegabytes: MAX_MEGABYTES,
      },
      fileError === null ? 200 : 400,
    );
  }

  private async renderColumns(
    request: Request,
    response: Response,
    record: ImportRecord,
    error: FieldError | null,
  ): Promise<void> {
    await this.renderer.render(
      request,
      response,
      'plan-import/columns.njk',
      {
        pageTitle: 'Say what each column holds',
        hasErrors: error !== null,
        error,
        importId: record.id,
        fileName: record.fileName,
        columns: columnChoices(record.preview?.columns ?? []),
      },
      error === null ? 200 : 400,
    );
  }

  private async renderRows(
    request: Request,
    response: Response,
    record: ImportRecord,
    error: FieldError | null,
  ): Promise<void> {
    await this.renderer.render(
      request,
      response,
      'plan-import/rows.njk',
      {
        pageTitle: 'Say what each row is',
        hasErrors: error !== null,
        error,
        importId: record.id,
        fileName: record.fileName,
        rows: rowChoices(record.preview?.rows ?? []),
      },
      error === null ? 200 : 400,
    );
  }

  private async renderImport(
    request: Request,
    response: Response,
    record: ImportRecord,
    form: {
      readonly errors: readonly FieldError[];
      readonly values: CommitFormValues | null;
    },
    status: number,
  ): Promise<void> {
    const view: ImportView = viewOf(record);
    const defaults = view.defaults;
    const earlier = record.status === 'ready' ? await this.workflow.earlierImports(record) : [];
    const errorOf = (field: string) => form.errors.find((error) => error.field === field)?.text ?? null;
    await this.renderer.render(
      request,
      response,
      'plan-import/import.njk',
      {
        pageTitle: pageTitleOf(view),
        hasErrors: form.errors.length > 0,
        errorList: form.errors.map((error) => ({ text: error.text, href: `#${error.field}` })),
        errors: {
          strategyTitle: errorOf('strategyTitle'),
          planTitle: errorOf('planTitle'),
          outcome: errorOf('outcome'),
        },
        outcomeItems: this.outcomeItems((form.values ?? defaultValues(defaults)).outcome),
        dateInputs: dateInputsOf(form.values ?? defaultValues(defaults), form.errors),
        importView: view,
        underWay: isUnderWay(view.status),
        progressText: progressText(view.status, view.progress),
        preview: view.preview === null ? null : previewPage(view.preview),
        canRemap: (view.columns ?? []).some((column) => column.header.trim() !== ''),
        canSetRows: (record.preview?.rows.length ?? 0) > 0,
        earlierImports: earlier.map((entry) => ({
          ...entry,
          committedOn: ukDateTime(entry.committedAt),
        })),
        values: form.values ?? defaultValues(defaults),
      },
      status,
    );
  }
}

function pageTitleOf(view: ImportView): string {
  if (isUnderWay(view.status)) return 'Reading your plan';
  if (view.status === 'failed') return 'Your plan could not be imported';
  if (view.status === 'committed') return 'Your plan has been imported';
  return 'Check the plan before you import it';
}

/** The upload's problem in the GOV.UK pattern's words, or the importer's own one line. */
function uploadProblem(upload: FormUpload): string | null {
  switch (upload.kind) {
    case 'none':
      return 'Select a file to upload';
    case 'too-large':
      return `The selected file must be smaller than ${MAX_MEGABYTES} MB`;
    case 'malformed':
      return 'The selected file could not be uploaded – try again';
    case 'file': {
      const { fileName, mediaType, bytes } = upload.document;
      if (bytes.length === 0) return 'The selected file is empty';
      const refusal = refuseAtOnce(fileName, mediaType, bytes);
      if (refusal !== null) return refusal.message;
      try {
        checkArchive({ fileName, bytes, ...(mediaType === null ? {} : { mediaType }) });
      } catch (error) {
        if (error instanceof PlanImportError) return error.message;
        throw error;
      }
      return null;
    }
  }
}

function formBody(request: Request): Readonly<Record<string, unknown>> {
  const body: unknown = request.body;
  return typeof body === 'object' && body !== null ? (body as Readonly<Record<string, unknown>>) : {};
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function titleError(field: string, what: string, value: string): FieldError[] {
  if (value === '') return [{ field, text: `Enter the title of the ${what}` }];
  const unstorable = findUnstorableCharacter(value);
  if (unstorable !== undefined) return [{ field, text: unstorableTextMessage(`The title of the ${what}`, unstorable) }];
  if (value.length > MAX_TITLE)
    return [{ field, text: `The title of the ${what} must be ${MAX_TITLE} characters or fewer` }];
  return [];
}

function defaultValues(defaults: ImportView['defaults']): CommitFormValues {
  const empty: DateInputValues = { day: '', month: '', year: '' };
  return {
    strategyTitle: defaults?.strategyTitle ?? '',
    planTitle: defaults?.planTitle ?? '',
    outcome: null,
    dates: {
      strategyFrom: defaults === null ? empty : datePartsOf(defaults.strategyPeriod.from),
      strategyTo: defaults === null ? empty : datePartsOf(defaults.strategyPeriod.to),
      planFrom: defaults === null ? empty : datePartsOf(defaults.planPeriod.from),
      planTo: defaults === null ? empty : datePartsOf(defaults.planPeriod.to),
    },
  };
}

/** The four govukDateInput's parameters: legend, values, and the boxes at fault. */
function dateInputsOf(values: CommitFormValues, errors: readonly FieldError[]) {
  return Object.fromEntries(
    DATE_FIELDS.map((name) => {
      const error = errors.find((candidate) => candidate.field.startsWith(`${name}-`));
      const boxes = (['day', 'month', 'year'] as const).map((part) => ({
        name: part,
        value: values.dates[name][part],
        classes: `${part === 'year' ? 'govuk-input--width-4' : 'govuk-input--width-2'}${
          error?.dateParts?.includes(part) === true ? ' govuk-input--error' : ''
        }`,
      }));
      return [
        name,
        {
          id: name,
          namePrefix: name,
          fieldset: { legend: { text: DATE_DESCRIPTIONS[name].legend, classes: 'govuk-fieldset__legend--s' } },
          hint: { text: name.endsWith('From') ? 'For example, 1 4 2024' : 'For example, 31 3 2026' },
          items: boxes,
          ...(error === undefined ? {} : { errorMessage: { text: error.text } }),
        },
      ];
    }),
  );
}

/** The import form, checked: titles, the four dates, each period in order, the plan's within the strategy's. */
function commitFormOf(body: Readonly<Record<string, unknown>>): CommitForm {
  const outcome = UPLOAD_OUTCOMES.find((offered) => offered === body['outcome']) ?? null;
  const values: CommitFormValues = {
    strategyTitle: text(body['strategyTitle']),
    planTitle: text(body['planTitle']),
    outcome,
    dates: {
      strategyFrom: dateInputValues(body, 'strategyFrom'),
      strategyTo: dateInputValues(body, 'strategyTo'),
      planFrom: dateInputValues(body, 'planFrom'),
      planTo: dateInputValues(body, 'planTo'),
    },
  };
  const errors: FieldError[] = [...titleError('strategyTitle', 'strategy', values.strategyTitle)];
  const dates: Partial<Record<DateField, string>> = {};
  const checkDate = (name: DateField): void => {
    const checked = checkedDate(values.dates[name], DATE_DESCRIPTIONS[name].description);
    if (checked.ok) dates[name] = checked.isoDate;
    else
      errors.push({ field: `${name}-${checked.parts[0] ?? 'day'}`, text: checked.message, dateParts: checked.parts });
  };
  const checkOrder = (from: DateField, to: DateField, what: string): void => {
    const [start, end] = [dates[from], dates[to]];
    if (start !== undefined && end !== undefined && end <= start) {
      errors.push({
        field: `${to}-day`,
        text: `The date the ${what} ends must be after the date it starts`,
        dateParts: ['day', 'month', 'year'],
      });
    }
  };
  checkDate('strategyFrom');
  checkDate('strategyTo');
  checkOrder('strategyFrom', 'strategyTo', 'strategy');
  errors.push(...titleError('planTitle', 'action plan', values.planTitle));
  checkDate('planFrom');
  checkDate('planTo');
  checkOrder('planFrom', 'planTo', 'action plan');
  const { strategyFrom, strategyTo, planFrom, planTo } = dates;
  if (
    errors.length === 0 &&
    strategyFrom !== undefined &&
    strategyTo !== undefined &&
    planFrom !== undefined &&
    planTo !== undefined
  ) {
    if (planFrom < strategyFrom || planTo > strategyTo) {
      errors.push({
        field: 'planFrom-day',
        text: 'The action plan’s dates must be within the strategy’s',
        dateParts: ['day', 'month', 'year'],
      });
    }
  }
  if (outcome === null) errors.push({ field: 'outcome', text: 'Select what to do with the plan once it is imported' });
  if (
    errors.length > 0 ||
    outcome === null ||
    strategyFrom === undefined ||
    strategyTo === undefined ||
    planFrom === undefined ||
    planTo === undefined
  ) {
    return { ok: false, values, errors };
  }
  return {
    ok: true,
    values: { ...values, outcome },
    strategyPeriod: { from: strategyFrom, to: strategyTo },
    planPeriod: { from: planFrom, to: planTo },
  };
}
