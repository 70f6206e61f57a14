import {
  CHARACTERISTIC_LABELS,
  type ActionStatus,
  type CharacteristicConcerned,
  type DueKind,
  type Rag,
  type ActionDetail,
} from '@due-regard/plans';

export const STATUS_LABELS: Readonly<Record<ActionStatus, string>> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  completed: 'Completed',
  ongoing: 'Ongoing',
  deferred: 'Deferred',
  cancelled: 'Cancelled',
};

const STATUS_TAG_CLASSES: Readonly<Record<ActionStatus, string>> = {
  'not-started': 'govuk-tag--grey',
  'in-progress': 'govuk-tag--blue',
  completed: 'govuk-tag--green',
  ongoing: 'govuk-tag--light-blue',
  deferred: 'govuk-tag--yellow',
  cancelled: 'govuk-tag--red',
};

export const RAG_LABELS: Readonly<Record<Rag, string>> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  none: 'Not rated',
};

const RAG_TAG_CLASSES: Readonly<Record<Rag, string>> = {
  red: 'govuk-tag--red',
  amber: 'govuk-tag--orange',
  green: 'govuk-tag--green',
  none: 'govuk-tag--grey',
};

const DUE_KIND_LABELS: Readonly<Record<DueKind, string>> = {
  date: 'One date',
  milestones: 'Several dates',
  range: 'A period',
  recurring: 'Recurring',
  ongoing: 'Ongoing',
  unknown: 'Not understood: a person needs to read it',
};

/** govukTag's parameters. */
export interface TagModel {
  readonly text: string;
  readonly classes: string;
}

export function statusTag(status: ActionStatus): TagModel {
  return { text: STATUS_LABELS[status], classes: STATUS_TAG_CLASSES[status] };
}

/** A RAG tag names the colour in words: colour alone would not do (WCAG 1.4.1). */
export function ragTag(rag: Rag): TagModel {
  return { text: rag === 'none' ? RAG_LABELS.none : `RAG: ${RAG_LABELS[rag]}`, classes: RAG_TAG_CLASSES[rag] };
}

export function dueKindLabel(kind: DueKind): string {
  return DUE_KIND_LABELS[kind];
}

export function characteristicLabel(key: CharacteristicConcerned): string {
  return CHARACTERISTIC_LABELS[key];
}

/** Radios' items for the statuses and RAG ratings, in the order people think of them. */
export function statusItems(checked: string): { value: string; text: string; checked: boolean }[] {
  return (Object.keys(STATUS_LABELS) as ActionStatus[]).map((status) => ({
    value: status,
    text: STATUS_LABELS[status],
    checked: status === checked,
  }));
}

export function ragItems(checked: string): { value: string; text: string; checked: boolean }[] {
  return (['green', 'amber', 'red', 'none'] as const).map((rag) => ({
    value: rag,
    text: RAG_LABELS[rag],
    checked: rag === checked,
  }));
}

/** "Action 2.2: Undertake gender and ethnicity pay gap reporting…", cut for the page title. */
export function actionName(action: Pick<ActionDetail, 'ref' | 'title'>): string {
  const title = action.title.length > 80 ? `${action.title.slice(0, 79).trimEnd()}…` : action.title;
  return action.ref === null ? title : `Action ${action.ref}: ${title}`;
}
