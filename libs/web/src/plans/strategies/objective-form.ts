import {
  addObjectiveBody,
  EFLG_MODULES,
  OBJECTIVE_GROUP_KINDS,
  PSED_AIM_LABELS,
  PSED_AIMS,
  type AddObjectiveBody,
  type ObjectiveDto,
} from '@due-regard/plans';
import { fieldErrorsFromZod, type FieldErrors } from '../../forms/field-errors.js';
import { checkedValues, textField, type FormBody } from '../../forms/form-body.js';

/** An objective's form as typed: its words (reference, title, description) and its classification. */
export interface ObjectiveFormValues {
  readonly ref: string;
  readonly title: string;
  readonly description: string;
  readonly psedAims: readonly string[];
  readonly eflgModules: readonly string[];
  /** '' for no group, else one of OBJECTIVE_GROUP_KINDS. */
  readonly groupKind: string;
  readonly groupTitle: string;
}

export const OBJECTIVE_FIELDS = ['ref', 'title', 'description', 'psedAims', 'eflgModules', 'groupKind', 'groupTitle'];
export const OBJECTIVE_ANCHORS = {
  ref: 'ref',
  title: 'title',
  description: 'description',
  psedAims: 'psedAims',
  eflgModules: 'eflgModules',
  group: 'groupTitle',
  'group.kind': 'groupKind',
  'group.title': 'groupTitle',
};
const MESSAGES = {
  ref: { too_big: 'The reference must be 50 characters or fewer' },
  title: { too_big: 'The objective must be 500 characters or fewer' },
  description: { too_big: 'The description must be 10,000 characters or fewer' },
  psedAims: { default: 'Select aims from the list' },
  eflgModules: { default: 'Select modules from the list' },
  group: { default: 'The name of the group must be 300 characters or fewer' },
};

const GROUP_KIND_WORDS: Readonly<Record<(typeof OBJECTIVE_GROUP_KINDS)[number], string>> = {
  priority: 'A priority',
  theme: 'A theme',
  'psed-aim': 'An aim of the equality duty',
  pillar: 'A pillar',
};

export const EMPTY_OBJECTIVE: ObjectiveFormValues = {
  ref: '',
  title: '',
  description: '',
  psedAims: [],
  eflgModules: [],
  groupKind: '',
  groupTitle: '',
};

export function objectiveValues(objective: ObjectiveDto): ObjectiveFormValues {
  return {
    ref: objective.ref ?? '',
    title: objective.title,
    description: objective.description ?? '',
    psedAims: objective.psedAims,
    eflgModules: objective.eflgModules,
    groupKind: objective.group?.kind ?? '',
    groupTitle: objective.group?.title ?? '',
  };
}

export function postedObjective(body: FormBody): ObjectiveFormValues {
  return {
    ref: textField(body, 'ref'),
    title: textField(body, 'title'),
    description: textField(body, 'description'),
    psedAims: checkedValues(body, 'psedAims'),
    eflgModules: checkedValues(body, 'eflgModules'),
    groupKind: textField(body, 'groupKind'),
    groupTitle: textField(body, 'groupTitle'),
  };
}

/** The form read through the API's schema for an objective: the whole objective, or what to correct. */
export function parseObjective(
  values: ObjectiveFormValues,
): { readonly ok: true; readonly objective: AddObjectiveBody } | { readonly ok: false; readonly errors: FieldErrors } {
  const ref = values.ref.trim();
  const description = values.description.trim();
  const groupTitle = values.groupTitle.trim();
  // A kind of group chosen without its name: said alongside whatever else needs correcting.
  const groupErrors: FieldErrors =
    values.groupKind !== '' && groupTitle === ''
      ? { groupTitle: 'Enter the name of the group, or choose no group' }
      : {};
  const parsed = addObjectiveBody.safeParse({
    ref: ref === '' ? null : ref,
    title: values.title.trim(),
    description: description === '' ? null : description,
    psedAims: values.psedAims,
    eflgModules: values.eflgModules,
    group: values.groupKind === '' || groupTitle === '' ? null : { kind: values.groupKind, title: groupTitle },
  });
  const errors: FieldErrors = {
    ...(parsed.success ? {} : fieldErrorsFromZod(parsed.error.issues, MESSAGES, OBJECTIVE_ANCHORS)),
    ...groupErrors,
  };
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, objective: parsed.data };
}

/** The checkboxes' and radios' items for the objective fields partial. */
export function objectiveChoices(values: ObjectiveFormValues): {
  aimItems: { value: string; text: string; checked: boolean }[];
  moduleItems: { value: string; text: string; checked: boolean }[];
  groupItems: { value: string; text: string; checked: boolean }[];
} {
  return {
    aimItems: PSED_AIMS.map((aim) => ({
      value: aim,
      text: PSED_AIM_LABELS[aim],
      checked: values.psedAims.includes(aim),
    })),
    moduleItems: EFLG_MODULES.map((name) => ({ value: name, text: name, checked: values.eflgModules.includes(name) })),
    groupItems: [
      { value: '', text: 'No group', checked: values.groupKind === '' },
      ...OBJECTIVE_GROUP_KINDS.map((kind) => ({
        value: kind,
        text: GROUP_KIND_WORDS[kind],
        checked: values.groupKind === kind,
      })),
    ],
  };
}
