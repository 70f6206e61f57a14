import { isPsedAim, PSED_AIM_LABELS, type ObjectiveDto, type StrategyDetailDto } from '@due-regard/plans';

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
}

export interface ObjectiveSection {
  readonly heading: string;
  readonly objectives: readonly ObjectiveView[];
}

function objectiveView(objective: ObjectiveDto): ObjectiveView {
  return {
    ref: objective.ref,
    title: objective.title,
    description: objective.description,
    psedAims: objective.psedAims.map((aim) => (isPsedAim(aim) ? PSED_AIM_LABELS[aim] : aim)),
    eflgModules: objective.eflgModules,
  };
}

/**
 * The strategy's objectives in force under their groups (pillar, priority, PSED aim…) in the order
 * the groups first appear; those in no group after them; retired objectives last.
 */
export function objectiveSections(strategy: StrategyDetailDto): ObjectiveSection[] {
  const inForce = strategy.objectives.filter((objective) => !objective.retired);
  const grouped = strategy.groups.map((group) => ({
    heading: `${GROUP_KINDS[group.kind] ?? group.kind}: ${group.title}`,
    objectives: group.objectiveIds.flatMap((id) => {
      const objective = inForce.find((candidate) => candidate.id === id);
      return objective === undefined ? [] : [objectiveView(objective)];
    }),
  }));
  const ungrouped = inForce.filter((objective) => objective.group === null).map(objectiveView);
  const retired = strategy.objectives.filter((objective) => objective.retired).map(objectiveView);
  return [
    ...grouped,
    ...(ungrouped.length > 0
      ? [{ heading: grouped.length > 0 ? 'Other objectives' : 'Objectives', objectives: ungrouped }]
      : []),
    ...(retired.length > 0 ? [{ heading: 'Retired objectives', objectives: retired }] : []),
  ];
}
