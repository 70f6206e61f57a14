import { actionStatusTag, ragTag, type Tag } from './wording.js';
import {
  ACTION_STATUSES,
  CHARACTERISTIC_LABELS,
  type ActionStatus,
  type CharacteristicConcerned,
  type DueKind,
  type Rag,
  type ActionDetail,
} from '@due-regard/plans';

const DUE_KIND_LABELS: Readonly<Record<DueKind, string>> = {
  date: 'One date',
  milestones: 'Several dates',
  range: 'A period',
  recurring: 'Recurring',
  ongoing: 'Ongoing',
  unknown: 'Not understood: a person needs to read it',
};

/** The action page's tags: the same words and colours as every other page (wording.ts). */
export const statusTag = (status: ActionStatus): Tag => actionStatusTag(status);

/** Alone beside the status, a RAG tag says what it rates: "RAG: Amber" (never colour alone, WCAG 1.4.1). */
export function labelledRagTag(rag: Rag): Tag {
  const tag = ragTag(rag);
  return rag === 'none' ? tag : { ...tag, text: `RAG: ${tag.text}` };
}

export function dueKindLabel(kind: DueKind): string {
  return DUE_KIND_LABELS[kind];
}

export function characteristicLabel(key: CharacteristicConcerned): string {
  return CHARACTERISTIC_LABELS[key];
}

/** Radios' items for the statuses and RAG ratings, in the order people think of them. */
export function statusItems(checked: string): { value: string; text: string; checked: boolean }[] {
  return ACTION_STATUSES.map((status) => ({
    value: status,
    text: actionStatusTag(status).text,
    checked: status === checked,
  }));
}

export function ragItems(checked: string): { value: string; text: string; checked: boolean }[] {
  return (['green', 'amber', 'red', 'none'] as const).map((rag) => ({
    value: rag,
    text: ragTag(rag).text,
    checked: rag === checked,
  }));
}

/** "Action 2.2: Undertake gender and ethnicity pay gap reporting…", cut for the page title. */
export function actionName(action: Pick<ActionDetail, 'ref' | 'title'>): string {
  const title = action.title.length > 80 ? `${action.title.slice(0, 79).trimEnd()}…` : action.title;
  return action.ref === null ? title : `Action ${action.ref}: ${title}`;
}
