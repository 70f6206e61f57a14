import { z } from 'zod';
import { ACTION_STATUSES, RAG_RATINGS, type ActionSearch } from '@due-regard/plans';
import { storableText } from '@due-regard/shared-kernel';
import { dateError, readDateInput, type DateInputValues } from '../../forms/date-input.js';
import type { FieldErrors } from '../../forms/field-errors.js';
import { actionStatusTag, ragTag } from '../shared/wording.js';

/** An empty field or "Any" sends an empty value: no criterion. */
const blankAsMissing = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const text = (max: number) => z.preprocess(blankAsMissing, storableText.trim().min(1).max(max).optional());
const part = z.preprocess((value) => (typeof value === 'string' ? value.trim() : ''), z.string().max(10));

/** The search form (GET), as sent; parameters it does not send are ignored. */
const searchQuery = z.object({
  q: text(200),
  ref: text(50),
  lead: text(200),
  status: z.preprocess(blankAsMissing, z.enum(ACTION_STATUSES).optional()),
  rag: z.preprocess(blankAsMissing, z.enum(RAG_RATINGS).optional()),
  overdue: z.preprocess(blankAsMissing, z.enum(['yes', 'no']).optional()),
  'dueFrom-day': part,
  'dueFrom-month': part,
  'dueFrom-year': part,
  'dueTo-day': part,
  'dueTo-month': part,
  'dueTo-year': part,
});

export interface SearchForm {
  readonly values: {
    readonly q: string;
    readonly ref: string;
    readonly lead: string;
    readonly status: string;
    readonly rag: string;
    readonly overdue: string;
    readonly dueFrom: DateInputValues;
    readonly dueTo: DateInputValues;
  };
  /** What to search for; null until something is asked. */
  readonly search: ActionSearch | null;
  readonly errors: FieldErrors;
}

const dateValues = (query: Readonly<Record<string, string>>, prefix: string): DateInputValues => ({
  day: query[`${prefix}-day`] ?? '',
  month: query[`${prefix}-month`] ?? '',
  year: query[`${prefix}-year`] ?? '',
});

/** The search the query asks for, what to show in the form again, and what to correct. */
export function searchForm(query: unknown): SearchForm {
  const parsed = searchQuery.safeParse(query);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? '')))];
    const errors = Object.fromEntries(fields.map((field) => [field, 'Choose from the list, or enter shorter text']));
    return { values: EMPTY, search: null, errors };
  }
  const data = parsed.data;
  const strings = Object.fromEntries(Object.entries(data).map(([key, value]) => [key, value ?? '']));
  const dueFrom = dateValues(strings, 'dueFrom');
  const dueTo = dateValues(strings, 'dueTo');
  const from = readDateInput(dueFrom, 'The first date');
  const to = readDateInput(dueTo, 'The last date');
  const errors: FieldErrors = { ...dateError('dueFrom', from, null), ...dateError('dueTo', to, null) };
  const values = {
    q: data.q ?? '',
    ref: data.ref ?? '',
    lead: data.lead ?? '',
    status: data.status ?? '',
    rag: data.rag ?? '',
    overdue: data.overdue ?? '',
    dueFrom,
    dueTo,
  };
  const search: ActionSearch = {
    ...(data.q === undefined ? {} : { words: data.q }),
    ...(data.ref === undefined ? {} : { ref: data.ref }),
    ...(data.lead === undefined ? {} : { lead: data.lead }),
    ...(data.status === undefined ? {} : { status: data.status }),
    ...(data.rag === undefined ? {} : { rag: data.rag }),
    ...(data.overdue === undefined ? {} : { overdue: data.overdue === 'yes' }),
    ...(from.kind === 'date' ? { dueFrom: from.date } : {}),
    ...(to.kind === 'date' ? { dueTo: to.date } : {}),
  };
  const asked = Object.keys(search).length > 0 && Object.keys(errors).length === 0;
  return { values, search: asked ? search : null, errors };
}

const EMPTY: SearchForm['values'] = {
  q: '',
  ref: '',
  lead: '',
  status: '',
  rag: '',
  overdue: '',
  dueFrom: { day: '', month: '', year: '' },
  dueTo: { day: '', month: '', year: '' },
};

/** The selects' items, the chosen ones selected. */
export function searchSelects(values: SearchForm['values']) {
  const select = (unfiltered: string, options: readonly { value: string; text: string }[], chosen: string) =>
    [{ value: '', text: unfiltered }, ...options].map((option) => ({ ...option, selected: option.value === chosen }));
  return {
    status: select(
      'Any status',
      ACTION_STATUSES.map((status) => ({ value: status, text: actionStatusTag(status).text })),
      values.status,
    ),
    rag: select(
      'Any rating',
      RAG_RATINGS.map((rag) => ({ value: rag, text: ragTag(rag).text })),
      values.rag,
    ),
    overdue: select(
      'Overdue or not',
      [
        { value: 'yes', text: 'Overdue only' },
        { value: 'no', text: 'Not overdue' },
      ],
      values.overdue,
    ),
  };
}
