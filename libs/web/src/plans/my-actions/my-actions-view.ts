import type { DueActionDto } from '@due-regard/plans';
import { ukDate } from '../../rendering/uk-dates.js';
import { actionName, labelledRagTag, statusTag } from '../shared/action-words.js';
import { pagePaths } from '../shared/plan-pages.js';
import type { Tag } from '../shared/wording.js';

/** A lead's action on their home page: what it is, when it is next due, and whether an update is owed. */
export interface MyActionRow {
  readonly name: string;
  readonly href: string;
  readonly planTitle: string;
  readonly due: string;
  readonly update: Tag;
  readonly statusTag: Tag;
  readonly ragTag: Tag;
}

const UPDATE_TAGS: Readonly<Record<DueActionDto['updateDue']['status'], (by: string) => Tag>> = {
  overdue: (by) => ({ text: `Update overdue (due ${by})`, classes: 'govuk-tag--red' }),
  due: (by) => ({ text: `Update due by ${by}`, classes: 'govuk-tag--yellow' }),
  'up-to-date': (by) => ({
    text: by === '' ? 'Up to date' : `Up to date (next by ${by})`,
    classes: 'govuk-tag--green',
  }),
  'not-needed': () => ({ text: 'No update needed', classes: 'govuk-tag--grey' }),
};

export function myActionRow(action: DueActionDto): MyActionRow {
  return {
    name: actionName(action),
    href: pagePaths.action(action.planId, action.actionId),
    planTitle: action.planTitle,
    due: action.overdue
      ? `Overdue (${action.dueText ?? ''})`
      : action.nextDue === null
        ? (action.dueText ?? 'No date')
        : ukDate(action.nextDue),
    update: UPDATE_TAGS[action.updateDue.status](ukDate(action.updateDue.by)),
    statusTag: statusTag(action.status),
    ragTag: labelledRagTag(action.rag),
  };
}
