import { CHARACTERISTICS_CONCERNED, CHARACTERISTIC_LABELS } from '@due-regard/plans';
import { checkedValues, linesOf, textField, type FormBody } from '../../forms/form-body.js';

/** What the add-action and edit-action forms share, as typed. */
export interface ActionFormValues {
  readonly ref: string;
  readonly objectiveId: string;
  readonly title: string;
  readonly description: string;
  readonly due: string;
  /** One team per line. */
  readonly leads: string;
  /** One measure per line. */
  readonly successMeasures: string;
  readonly protectedCharacteristics: readonly string[];
}

export function actionFormValues(body: FormBody): ActionFormValues {
  return {
    ref: textField(body, 'ref'),
    objectiveId: textField(body, 'objectiveId'),
    title: textField(body, 'title'),
    description: textField(body, 'description'),
    due: textField(body, 'due'),
    leads: textField(body, 'leads'),
    successMeasures: textField(body, 'successMeasures'),
    protectedCharacteristics: checkedValues(body, 'protectedCharacteristics'),
  };
}

/** The body the API's schemas take, from the form's fields. */
export function actionBodyOf(values: ActionFormValues) {
  const description = values.description.trim();
  return {
    objectiveId: values.objectiveId,
    title: values.title.trim(),
    description: description === '' ? null : description,
    leads: linesOf(values.leads),
    successMeasures: linesOf(values.successMeasures),
    protectedCharacteristics: values.protectedCharacteristics,
  };
}

/** Checkboxes' items for the characteristics an action may concern. */
export function characteristicItems(checked: readonly string[]): { value: string; text: string; checked: boolean }[] {
  return CHARACTERISTICS_CONCERNED.map((key) => ({
    value: key,
    text: CHARACTERISTIC_LABELS[key],
    checked: checked.includes(key),
  }));
}

/** Field ids of the action forms: the checkboxes' first box has the name as its id. */
export const ACTION_ANCHORS = {
  ref: 'ref',
  objectiveId: 'objectiveId',
  title: 'title',
  description: 'description',
  due: 'due',
  leads: 'leads',
  successMeasures: 'successMeasures',
  protectedCharacteristics: 'protectedCharacteristics',
};

export const ACTION_MESSAGES = {
  objectiveId: { default: 'Select the objective the action serves' },
  title: { too_big: 'The action must be 2,000 characters or fewer' },
  ref: { too_big: 'The reference must be 50 characters or fewer' },
  due: { too_big: 'The due date must be 500 characters or fewer' },
  leads: { default: 'Enter up to 50 teams, one per line, each 300 characters or fewer' },
  successMeasures: { default: 'Enter up to 50 measures, one per line, each 2,000 characters or fewer' },
  protectedCharacteristics: { default: 'Select characteristics from the list' },
  description: { too_big: 'The description must be 10,000 characters or fewer' },
};
