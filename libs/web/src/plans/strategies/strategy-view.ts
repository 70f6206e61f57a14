import {
  isPsedAim,
  mayDo,
  PSED_AIM_LABELS,
  type ObjectiveDto,
  type Person,
  type StrategyDetailDto,
} from '@due-regard/plans';
import { strategyPaths } from './strategy-paths.js';

const GROUP_KINDS: Readonly<Record<string, string>> = {
  priority: 'Priority',
  theme: 'Theme',
  'psed-aim': 'Equality duty aim',
  pillar: 'Pillar',
};

export interface ObjectiveView {
  readonly ref: string | null;
  readonly title: string;
  readonly description: string | null;
  /** The Public Sector Equality Duty aims it serves, in the Act's words. */
  readonly psedAims: readonly string[];
  readonly eflgModules: readonly string[];
  /** Its form (reword, reclassify, with its history), when this person may change it. */
  readonly changeHref: string | null;
}

export interface ObjectiveSection {
  readonly heading: string;
  readonly objectives: readonly ObjectiveView[];
}

/**
 * Whether the person may retire one of the strategy's objectives now: the policy's rule, and the
 * decider's "an adopted strategy keeps at least one objective" (so no link leads to a refusal).
 */
export function mayRetireObjective(person: Person, strategy: StrategyDetailDto): boolean {
  const inForce = strategy.objectives.filter((objective) => !objective.retired).length;
  return (
    mayDo(person, 'retireObjective', { strategyStatus: strategy.status }) &&
    (strategy.status === 'draft' || inForce > 1)
  );
}

function objectiveView(objective: ObjectiveDto, changeable: boolean, strategyId: string): ObjectiveView {
  return {
    ref: objective.ref,
    title: objective.title,
    description: objective.description,
    psedAims: objective.psedAims.map((aim) => (isPsedAim(aim) ? PSED_AIM_LABELS[aim] : aim)),
    eflgModules: objective.eflgModules,
    changeHref: changeable && !objective.retired ? strategyPaths.objective(strategyId, objective.id) : null,
  };
}

/**
 * The strategy's objectives in force under their groups (pillar, priority, PSED aim…) in the order
 * the groups first appear; those in no group after them; retired objectives last. Each links to its
 * form when `person` may change it.
 */
export function objectiveSections(strategy: StrategyDetailDto, person: Person | null = null): ObjectiveSection[] {
  const changeable = person !== null && mayDo(person, 'reviseObjective', { strategyStatus: strategy.status });
  const view = (objective: ObjectiveDto): ObjectiveView => objectiveView(objective, changeable, strategy.id);
  const inForce = strategy.objectives.filter((objective) => !objective.retired);
  const grouped = strategy.groups.map((group) => ({
    heading: `${GROUP_KINDS[group.kind] ?? group.kind}: ${group.title}`,
    objectives: group.objectiveIds.flatMap((id) => {
      const objective = inForce.find((candidate) => candidate.id === id);
      return objective === undefined ? [] : [view(objective)];
    }),
  }));
  const ungrouped = inForce.filter((objective) => objective.group === null).map(view);
  const retired = strategy.objectives.filter((objective) => objective.retired).map(view);
  return [
    ...grouped,
    ...(ungrouped.length > 0
      ? [{ heading: grouped.length > 0 ? 'Other objectives' : 'Objectives', objectives: ungrouped }]
      : []),
    ...(retired.length > 0 ? [{ heading: 'Retired objectives', objectives: retired }] : []),
  ];
}

/** A step of the strategy's lifecycle the page offers: a link to its confirmation page. */
export interface StrategyStepLink {
  readonly label: string;
  readonly href: string;
  readonly warning: boolean;
}

/** The strategy page's links: only those the plans policy lets this person use on this strategy now. */
export function strategyControls(
  person: Person,
  strategy: Pick<StrategyDetailDto, 'id' | 'status'>,
): { steps: StrategyStepLink[]; addObjectiveHref: string | null; draftPlanHref: string | null } {
  const on = { strategyStatus: strategy.status };
  const steps: StrategyStepLink[] = [];
  if (mayDo(person, 'adoptStrategy', on)) {
    steps.push({ label: 'Adopt strategy', href: strategyPaths.step(strategy.id, 'adopt'), warning: false });
  }
  if (mayDo(person, 'publishStrategy', on)) {
    steps.push({ label: 'Publish strategy', href: strategyPaths.step(strategy.id, 'publish'), warning: false });
  }
  if (mayDo(person, 'archiveStrategy', on)) {
    steps.push({ label: 'Archive strategy', href: strategyPaths.step(strategy.id, 'archive'), warning: true });
  }
  return {
    steps,
    addObjectiveHref: mayDo(person, 'addObjective', on)
      ? `${strategyPaths.strategy(strategy.id)}/objectives/new`
      : null,
    draftPlanHref: mayDo(person, 'draftPlan', on) ? `/plans/new?strategy=${encodeURIComponent(strategy.id)}` : null,
  };
}
