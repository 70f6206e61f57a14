import type { CouncilRole } from '@due-regard/identity';
import type { ActionPlanStatus } from '../domain/action-plan.js';
import type { ActionStatus } from '../domain/action.js';
import type { StrategyStatus } from '../domain/strategy.js';
import { tidy } from '../domain/wording.js';

/**
 * Who may do what in the plans context: strategies, action plans, their actions, imports and the
 * read models. One table, read by the API's route guards (`rolesFor`), by the write side's team
 * check (ActionReportingPolicy), by the import commit (an import takes every step its outcome
 * needs), and by the web pages to decide which links, buttons and choices to offer (`mayDo`).
 *
 * Pure: no framework, no I/O. The rules on a resource's state mirror the domain's deciders, which
 * refuse the change anyway: they are here so that nobody is offered what would be refused.
 */

/** Someone in one council: their roles there, and the teams they work in (`/councils/<slug>/teams/<Team>`). */
export interface Person {
  readonly roles: readonly CouncilRole[];
  readonly teams: readonly string[];
}

/** What a rule on a strategy reads of it. */
export interface OnStrategy {
  readonly strategyStatus: StrategyStatus;
}

/** What a rule on a plan reads of it. */
export interface OnPlan {
  readonly planStatus: ActionPlanStatus;
}

/** What a rule on an action reads of it: its plan's status, its own, and the teams that lead it. */
export interface OnAction {
  readonly planStatus: ActionPlanStatus;
  readonly actionStatus: ActionStatus;
  readonly leads: readonly string[];
}

/**
 * Where an imported plan ends up: a draft to review; submitted for approval; published (the
 * strategy adopted and published, the plan submitted, approved and published); or closed
 * (published, its progress recorded, then closed: a past plan kept for the record).
 */
export const IMPORT_OUTCOMES = ['draft', 'submitted', 'published', 'closed'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

/** What committing an import asks for. */
export interface ImportChoice {
  readonly outcome: ImportOutcome;
  /** An old strategy imported for the record is archived at the end. */
  readonly archivesStrategy: boolean;
}

/** Each capability, with what its rule needs to know of the resource (`null`: nothing). */
interface PlansResources {
  readonly readPlans: null;
  readonly readHistory: null;
  readonly draftStrategy: null;
  readonly addObjective: OnStrategy;
  readonly reviseObjective: OnStrategy;
  readonly retireObjective: OnStrategy;
  readonly adoptStrategy: OnStrategy;
  readonly publishStrategy: OnStrategy;
  readonly archiveStrategy: OnStrategy;
  readonly draftPlan: OnStrategy;
  readonly submitPlan: OnPlan;
  readonly returnPlan: OnPlan;
  readonly approvePlan: OnPlan;
  readonly publishPlan: OnPlan;
  readonly closePlan: OnPlan;
  readonly discardPlan: OnPlan;
  readonly addAction: OnPlan;
  readonly reviseAction: OnAction;
  readonly reviseDue: OnAction;
  readonly recordProgress: OnAction;
  readonly completeAction: OnAction;
  readonly deferAction: OnAction;
  readonly cancelAction: OnAction;
  readonly defineMeasure: null;
  readonly recordMeasureReading: Pick<OnAction, 'leads'>;
  readonly importPlan: null;
  readonly commitImport: ImportChoice;
  readonly rebuildProjections: null;
}

export type PlansCapability = keyof PlansResources;

/** The capabilities on one action. */
export type ActionCapability = {
  readonly [C in PlansCapability]: PlansResources[C] extends OnAction ? C : never;
}[PlansCapability];

/** The capabilities an action lead has only on their teams' work: an action, or a measure of one. */
export type TeamCapability = {
  readonly [C in PlansCapability]: PlansResources[C] extends Pick<OnAction, 'leads'> ? C : never;
}[PlansCapability];

/** A capability's resource as an argument: none, or the one its rule reads. */
type ResourceOf<C extends PlansCapability> = PlansResources[C] extends null ? [] : [resource: PlansResources[C]];

/** What the "who" half of a rule reads of the resource: an action's leads, or the import's choice. */
type TargetOf<C extends PlansCapability> =
  PlansResources[C] extends Pick<OnAction, 'leads'>
    ? [action: Pick<OnAction, 'leads'>]
    : PlansResources[C] extends ImportChoice
      ? [choice: ImportChoice]
      : [];

type Roles = readonly [CouncilRole, ...CouncilRole[]];

const EVERYONE: Roles = ['council-admin', 'plan-editor', 'action-lead', 'viewer', 'auditor'];
const EDITORS: Roles = ['plan-editor', 'council-admin'];
const REPORTERS: Roles = ['plan-editor', 'council-admin', 'action-lead'];
const ADMINS: Roles = ['council-admin'];

/** The table: who may do what, by role. What the API's routes require. */
const WHO_MAY: Readonly<Record<PlansCapability, Roles>> = {
  readPlans: EVERYONE,
  readHistory: EVERYONE,

  draftStrategy: EDITORS,
  addObjective: EDITORS,
  reviseObjective: EDITORS,
  retireObjective: EDITORS,
  adoptStrategy: ADMINS,
  publishStrategy: ADMINS,
  archiveStrategy: ADMINS,

  draftPlan: EDITORS,
  submitPlan: EDITORS,
  returnPlan: ADMINS,
  approvePlan: ADMINS,
  publishPlan: ADMINS,
  closePlan: ADMINS,
  discardPlan: EDITORS,

  addAction: EDITORS,
  reviseAction: EDITORS,
  reviseDue: REPORTERS,
  recordProgress: REPORTERS,
  completeAction: REPORTERS,
  deferAction: REPORTERS,
  cancelAction: EDITORS,

  defineMeasure: EDITORS,
  recordMeasureReading: REPORTERS,

  importPlan: EDITORS,
  commitImport: EDITORS,

  rebuildProjections: ADMINS,
};

/** What an action lead may do only to the actions one of their teams leads (the other roles: to any). */
const ON_THEIR_TEAMS_ACTIONS: readonly TeamCapability[] = [
  'reviseDue',
  'recordProgress',
  'completeAction',
  'deferAction',
  'recordMeasureReading',
];

const always = (): boolean => true;
const strategyInForce = ({ strategyStatus }: OnStrategy): boolean => strategyStatus !== 'archived';
const strategyIs =
  (status: StrategyStatus) =>
  ({ strategyStatus }: OnStrategy): boolean =>
    strategyStatus === status;
const planIs =
  (...statuses: readonly ActionPlanStatus[]) =>
  ({ planStatus }: OnPlan): boolean =>
    statuses.includes(planStatus);
/** A draft or a published plan takes changes to its actions; one with its approver, or closed, does not. */
const planOpenForChanges = planIs('draft', 'published');
/** On a plan open for changes, an action that is none of these. */
const actionIsNot =
  (...statuses: readonly ActionStatus[]) =>
  (action: OnAction): boolean =>
    planOpenForChanges(action) && !statuses.includes(action.actionStatus);

/**
 * What the resource's state must be: the domain's deciders refuse the change otherwise (a plan's
 * lifecycle, a plan with its approver or closed, a completed or cancelled action, an archived
 * strategy).
 */
const STATE_ALLOWS: { readonly [C in PlansCapability]: (resource: PlansResources[C]) => boolean } = {
  readPlans: always,
  readHistory: always,

  draftStrategy: always,
  addObjective: strategyInForce,
  reviseObjective: strategyInForce,
  retireObjective: strategyInForce,
  adoptStrategy: strategyIs('draft'),
  publishStrategy: strategyIs('adopted'),
  archiveStrategy: strategyInForce,

  draftPlan: strategyInForce,
  submitPlan: planIs('draft'),
  returnPlan: planIs('submitted'),
  approvePlan: planIs('submitted'),
  publishPlan: planIs('approved'),
  closePlan: planIs('draft', 'submitted', 'approved', 'published'),
  discardPlan: planIs('draft'),

  addAction: planOpenForChanges,
  reviseAction: actionIsNot('completed', 'cancelled'),
  reviseDue: actionIsNot('completed', 'cancelled'),
  recordProgress: actionIsNot('cancelled'),
  completeAction: actionIsNot('completed', 'cancelled'),
  deferAction: actionIsNot('deferred', 'completed', 'cancelled'),
  cancelAction: actionIsNot('completed', 'cancelled'),

  defineMeasure: always,
  recordMeasureReading: always,

  importPlan: always,
  commitImport: always,

  rebuildProjections: always,
};

/** What every import takes: the strategy and its objectives, the plan and its actions, the document's due revisions and progress. */
const DRAFT_IMPORT: readonly PlansCapability[] = [
  'draftStrategy',
  'addObjective',
  'draftPlan',
  'addAction',
  'reviseDue',
  'recordProgress',
];
const PUBLISHED_IMPORT: readonly PlansCapability[] = [
  ...DRAFT_IMPORT,
  'adoptStrategy',
  'publishStrategy',
  'submitPlan',
  'approvePlan',
  'publishPlan',
];

/** The steps an import takes, by outcome: committing it takes each one, so the person needs each one. */
const IMPORT_STEPS: Readonly<Record<ImportOutcome, readonly PlansCapability[]>> = {
  draft: DRAFT_IMPORT,
  submitted: [...DRAFT_IMPORT, 'submitPlan'],
  published: PUBLISHED_IMPORT,
  closed: [...PUBLISHED_IMPORT, 'closePlan'],
};

export const PLANS_CAPABILITIES = Object.keys(WHO_MAY) as readonly PlansCapability[];

/** The roles that may, at all: what an API route or a web form requires before anything else. */
export function rolesFor(capability: PlansCapability): Roles {
  return WHO_MAY[capability];
}

/** Whether this person may do this, to a resource in this state: what the web pages offer. */
export function mayDo<C extends PlansCapability>(person: Person, capability: C, ...resource: ResourceOf<C>): boolean {
  const [subject] = resource as readonly PlansResources[C][];
  const allows: (resource: PlansResources[C]) => boolean = STATE_ALLOWS[capability];
  return refusal(person, capability, subject) === null && (subject === undefined || allows(subject));
}

/**
 * Why this person may not do this (null when they may), whatever the resource's state: their roles,
 * for an action lead the action's leads, for an import each step its outcome takes. A 403.
 */
export function whyNotPermitted<C extends PlansCapability>(
  person: Person,
  capability: C,
  ...target: TargetOf<C>
): string | null {
  const [subject] = target as readonly (Pick<OnAction, 'leads'> | ImportChoice)[];
  return refusal(person, capability, subject);
}

function refusal(
  person: Person,
  capability: PlansCapability,
  subject: Pick<OnAction, 'leads'> | ImportChoice | OnPlan | OnStrategy | null | undefined,
): string | null {
  if (!person.roles.some((role) => WHO_MAY[capability].includes(role))) return onlyRolesMay(capability);
  if (subject === null || subject === undefined) return null;
  if ('leads' in subject && !mayEverywhere(person, capability)) {
    return subject.leads.some((lead) => person.teams.some((team) => sameTeam(lead, team)))
      ? null
      : 'You can update only the actions your team leads';
  }
  if ('outcome' in subject && !mayTakeEveryStep(person, subject)) {
    return importRefusal(person, subject);
  }
  return null;
}

/** Whether a role of the person lets them do this to any resource: an action lead reaches only their teams' actions. */
function mayEverywhere(person: Person, capability: PlansCapability): boolean {
  const limited = (ON_THEIR_TEAMS_ACTIONS as readonly PlansCapability[]).includes(capability);
  return person.roles.some((role) => WHO_MAY[capability].includes(role) && !(limited && role === 'action-lead'));
}

function importSteps({ outcome, archivesStrategy }: ImportChoice): readonly PlansCapability[] {
  return [...IMPORT_STEPS[outcome], ...(archivesStrategy ? (['archiveStrategy'] as const) : [])];
}

function mayTakeEveryStep(person: Person, choice: ImportChoice): boolean {
  return importSteps(choice).every((step) => mayEverywhere(person, step));
}

/** The outcomes of an import this person may choose (the import form's choices). */
export function importOutcomesFor(person: Person): ImportOutcome[] {
  return IMPORT_OUTCOMES.filter(
    (outcome) =>
      mayEverywhere(person, 'commitImport') && mayTakeEveryStep(person, { outcome, archivesStrategy: false }),
  );
}

const OUTCOME_WORDS: Readonly<Record<ImportOutcome, string>> = {
  draft: 'as a draft',
  submitted: 'submitted for approval',
  published: 'published',
  closed: 'closed',
};

/** "Only council administrators may import a plan published: you may import it as a draft or submitted for approval". */
function importRefusal(person: Person, choice: ImportChoice): string {
  const roles = EVERYONE.filter((role) => mayTakeEveryStep({ roles: [role], teams: [] }, choice));
  const what = `import a plan ${OUTCOME_WORDS[choice.outcome]}${choice.archivesStrategy ? ' and archive its strategy' : ''}`;
  const instead = importOutcomesFor(person).map((outcome) => OUTCOME_WORDS[outcome]);
  return `Only ${rolesInWords(roles)} may ${what}: you may import it ${orList(instead)}`;
}

const ROLE_PLURALS: Readonly<Record<CouncilRole, string>> = {
  'council-admin': 'council administrators',
  'plan-editor': 'plan editors',
  'action-lead': 'action leads',
  viewer: 'viewers',
  auditor: 'auditors',
};

/** What each capability is, in words: "Only council administrators may approve a plan". */
const DOING: Readonly<Record<PlansCapability, string>> = {
  readPlans: 'read the plans',
  readHistory: 'read the history',
  draftStrategy: 'draft a strategy',
  addObjective: 'add an objective',
  reviseObjective: 'change an objective',
  retireObjective: 'retire an objective',
  adoptStrategy: 'adopt a strategy',
  publishStrategy: 'publish a strategy',
  archiveStrategy: 'archive a strategy',
  draftPlan: 'draft a plan',
  submitPlan: 'submit a plan for approval',
  returnPlan: 'return a plan to draft',
  approvePlan: 'approve a plan',
  publishPlan: 'publish a plan',
  closePlan: 'close a plan',
  discardPlan: 'discard a draft plan',
  addAction: 'add an action',
  reviseAction: 'change an action',
  reviseDue: "change an action's due date",
  recordProgress: 'record progress on an action',
  completeAction: 'complete an action',
  deferAction: 'defer an action',
  cancelAction: 'cancel an action',
  defineMeasure: 'define a measure',
  recordMeasureReading: 'record a reading of a measure',
  importPlan: 'import a plan',
  commitImport: 'import a plan',
  rebuildProjections: 'rebuild the read models',
};

/**
 * What the person's roles let them do here, in words ("read the plans", "record progress on an
 * action (of their team)"): what a refused page tells them instead of what they may not do.
 */
export function whatPersonMay(person: Person): string[] {
  const phrases = PLANS_CAPABILITIES.filter((capability) =>
    person.roles.some((role) => WHO_MAY[capability].includes(role)),
  ).map((capability) =>
    mayEverywhere(person, capability) ? DOING[capability] : `${DOING[capability]}, on the actions your team leads`,
  );
  return [...new Set(phrases)];
}

function onlyRolesMay(capability: PlansCapability): string {
  return `Only ${rolesInWords(WHO_MAY[capability])} may ${DOING[capability]}`;
}

function rolesInWords(roles: readonly CouncilRole[]): string {
  const names = roles.map((role) => ROLE_PLURALS[role]);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1) ?? ''}`;
}

/** Leads are teams as the plan writes them: compared without regard to case or spacing. */
export function sameTeam(a: string, b: string): boolean {
  return tidy(a).toLowerCase() === tidy(b).toLowerCase();
}
