import {
  DomainConflict,
  DomainRuleViolation,
  NotFound,
  type Decider,
  type DomainEvent,
} from '@due-regard/shared-kernel';
import type { CalendarDate } from './calendar-date.js';
import { EFLG_MODULES, PSED_AIMS, type EflgModule, type PsedAim } from './equality-reference.js';
import { validatePeriod, type Period } from './period.js';
import { optionalRef, optionalText, referenceKeys, requiredDate, requiredText, sameRef } from './wording.js';

/**
 * A council's multi-year equality strategy (e.g. 2024-2028) and its objectives ("Priority Equality
 * Objectives", pillars, priorities).
 *
 * Lifecycle: draft → adopted (agreed by cabinet or council) → published → archived. Objectives can
 * be added, reworded and retired until the strategy is archived: councils refresh objectives during
 * a strategy's life, and every change is an event an auditor can replay.
 */
export const STRATEGY_STATUSES = ['draft', 'adopted', 'published', 'archived'] as const;
export type StrategyStatus = (typeof STRATEGY_STATUSES)[number];

/** What a council groups objectives under: Leicestershire's pillars, a priority, a PSED aim. */
export const OBJECTIVE_GROUP_KINDS = ['priority', 'theme', 'psed-aim', 'pillar'] as const;
export type ObjectiveGroupKind = (typeof OBJECTIVE_GROUP_KINDS)[number];
export type ObjectiveGroup = { readonly kind: ObjectiveGroupKind; readonly title: string };

export type ObjectiveWording = {
  /** "PEO 1", or null where the council names objectives without numbering them. */
  readonly ref: string | null;
  readonly title: string;
  readonly description: string | null;
};

export type ObjectiveClassification = {
  readonly psedAims: readonly PsedAim[];
  readonly eflgModules: readonly EflgModule[];
  readonly group: ObjectiveGroup | null;
};

// Commands ------------------------------------------------------------------------------------
// Commands carry what a person or an import asked for: keys arrive as plain strings and are
// checked here, so a refusal can name the field at fault.

/** PSED aim keys, EFLG module names and a group, as asked for. */
export type ObjectiveClassificationRequest = {
  readonly psedAims: readonly string[];
  readonly eflgModules: readonly string[];
  readonly group: { readonly kind: string; readonly title: string } | null;
};

export type DraftStrategy = {
  readonly type: 'DraftStrategy';
  readonly strategyId: string;
  readonly title: string;
  readonly period: Period;
};

export type AddObjective = {
  readonly type: 'AddObjective';
  readonly strategyId: string;
  readonly objectiveId: string;
} & ObjectiveWording &
  ObjectiveClassificationRequest;

/** Changes the words of an objective, its reference included ("PEO 3" renumbered "PEO 2"). */
export type RewordObjective = {
  readonly type: 'RewordObjective';
  readonly strategyId: string;
  readonly objectiveId: string;
} & ObjectiveWording;

/** Changes which PSED aims and EFLG modules an objective serves and what it is grouped under. */
export type ReclassifyObjective = {
  readonly type: 'ReclassifyObjective';
  readonly strategyId: string;
  readonly objectiveId: string;
} & ObjectiveClassificationRequest;

export type RetireObjective = {
  readonly type: 'RetireObjective';
  readonly strategyId: string;
  readonly objectiveId: string;
  readonly reason: string | null;
};

export type AdoptStrategy = {
  readonly type: 'AdoptStrategy';
  readonly strategyId: string;
  readonly adoptedOn: CalendarDate;
};
export type PublishStrategy = {
  readonly type: 'PublishStrategy';
  readonly strategyId: string;
  readonly publishedOn: CalendarDate;
};
export type ArchiveStrategy = {
  readonly type: 'ArchiveStrategy';
  readonly strategyId: string;
  readonly archivedOn: CalendarDate;
  readonly reason: string | null;
};

export type StrategyCommand =
  | DraftStrategy
  | AddObjective
  | RewordObjective
  | ReclassifyObjective
  | RetireObjective
  | AdoptStrategy
  | PublishStrategy
  | ArchiveStrategy;

// Events --------------------------------------------------------------------------------------

export type StrategyDrafted = DomainEvent<
  'StrategyDrafted',
  { readonly strategyId: string; readonly title: string; readonly period: Period }
>;
export type ObjectiveAdded = DomainEvent<
  'ObjectiveAdded',
  { readonly strategyId: string; readonly objectiveId: string } & ObjectiveWording & ObjectiveClassification
>;
export type ObjectiveReworded = DomainEvent<
  'ObjectiveReworded',
  { readonly strategyId: string; readonly objectiveId: string } & ObjectiveWording
>;
export type ObjectiveReclassified = DomainEvent<
  'ObjectiveReclassified',
  { readonly strategyId: string; readonly objectiveId: string } & ObjectiveClassification
>;
export type ObjectiveRetired = DomainEvent<
  'ObjectiveRetired',
  { readonly strategyId: string; readonly objectiveId: string; readonly reason: string | null }
>;
export type StrategyAdopted = DomainEvent<
  'StrategyAdopted',
  { readonly strategyId: string; readonly adoptedOn: CalendarDate }
>;
export type StrategyPublished = DomainEvent<
  'StrategyPublished',
  { readonly strategyId: string; readonly publishedOn: CalendarDate }
>;
export type StrategyArchived = DomainEvent<
  'StrategyArchived',
  { readonly strategyId: string; readonly archivedOn: CalendarDate; readonly reason: string | null }
>;

export type StrategyEvent =
  | StrategyDrafted
  | ObjectiveAdded
  | ObjectiveReworded
  | ObjectiveReclassified
  | ObjectiveRetired
  | StrategyAdopted
  | StrategyPublished
  | StrategyArchived;

// State ---------------------------------------------------------------------------------------

export type StrategyObjective = { readonly objectiveId: string; readonly retired: boolean } & ObjectiveWording &
  ObjectiveClassification;

export type Strategy = {
  readonly status: StrategyStatus;
  readonly strategyId: string;
  readonly title: string;
  readonly period: Period;
  readonly objectives: readonly StrategyObjective[];
  readonly adoptedOn: CalendarDate | null;
  readonly publishedOn: CalendarDate | null;
  readonly archivedOn: CalendarDate | null;
};

export type StrategyState = { readonly status: 'none' } | Strategy;

export function activeObjectives(strategy: Strategy): StrategyObjective[] {
  return strategy.objectives.filter((objective) => !objective.retired);
}

// Rules ---------------------------------------------------------------------------------------

function existing(state: StrategyState, strategyId: string): Strategy {
  if (state.status === 'none') throw new NotFound(`There is no strategy ${strategyId}`);
  return state;
}

function notArchived(strategy: Strategy): Strategy {
  if (strategy.status === 'archived') {
    throw new DomainRuleViolation('This strategy is archived and can no longer be changed', 'strategy_archived');
  }
  return strategy;
}

function activeObjective(strategy: Strategy, objectiveId: string): StrategyObjective {
  const objective = strategy.objectives.find((candidate) => candidate.objectiveId === objectiveId);
  if (objective === undefined) throw new NotFound(`This strategy has no objective ${objectiveId}`);
  if (objective.retired) {
    throw new DomainRuleViolation('This objective has been retired', 'objective_retired', 'objectiveId');
  }
  return objective;
}

function validWording(
  strategy: Strategy,
  command: ObjectiveWording & { readonly objectiveId: string },
): ObjectiveWording {
  const ref = optionalRef(command.ref);
  const clash = activeObjectives(strategy).find(
    (objective) => objective.objectiveId !== command.objectiveId && sameRef(objective.ref, ref),
  );
  if (clash !== undefined) {
    throw new DomainRuleViolation(
      `Another objective of this strategy is numbered "${clash.ref ?? ''}"`,
      'duplicate_objective_ref',
      'ref',
    );
  }
  return {
    ref,
    title: requiredText(command.title, 'title', 'Enter the objective'),
    description: optionalText(command.description),
  };
}

function validClassification(command: ObjectiveClassificationRequest): ObjectiveClassification {
  const psedAims = referenceKeys(
    command.psedAims,
    PSED_AIMS,
    'psedAims',
    'unknown_psed_aim',
    (key) => `"${key}" is not a PSED aim`,
  );
  const eflgModules = referenceKeys(
    command.eflgModules,
    EFLG_MODULES,
    'eflgModules',
    'unknown_eflg_module',
    (name) => `"${name}" is not a module of the Equality Framework for Local Government`,
  );
  let group: ObjectiveGroup | null = null;
  if (command.group !== null) {
    const kind = OBJECTIVE_GROUP_KINDS.find((candidate) => candidate === command.group?.kind);
    if (kind === undefined) {
      throw new DomainRuleViolation(
        `Group objectives by ${OBJECTIVE_GROUP_KINDS.join(', ')}`,
        'unknown_group_kind',
        'group.kind',
      );
    }
    group = {
      kind,
      title: requiredText(command.group.title, 'group.title', 'Enter the name of the group', 'group_title_required'),
    };
  }
  return { psedAims, eflgModules, group };
}

function sameWording(a: ObjectiveWording, b: ObjectiveWording): boolean {
  return a.ref === b.ref && a.title === b.title && a.description === b.description;
}

function sameClassification(a: ObjectiveClassification, b: ObjectiveClassification): boolean {
  return (
    a.psedAims.join() === b.psedAims.join() &&
    a.eflgModules.join('\n') === b.eflgModules.join('\n') &&
    a.group?.kind === b.group?.kind &&
    a.group?.title === b.group?.title
  );
}

function withObjectives(
  strategy: Strategy,
  objectiveId: string,
  change: (objective: StrategyObjective) => StrategyObjective,
): Strategy {
  return {
    ...strategy,
    objectives: strategy.objectives.map((objective) =>
      objective.objectiveId === objectiveId ? change(objective) : objective,
    ),
  };
}

export const strategyDecider: Decider<StrategyCommand, StrategyEvent, StrategyState> = {
  eventTypes: [
    'StrategyDrafted',
    'ObjectiveAdded',
    'ObjectiveReworded',
    'ObjectiveReclassified',
    'ObjectiveRetired',
    'StrategyAdopted',
    'StrategyPublished',
    'StrategyArchived',
  ],
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'DraftStrategy': {
        if (state.status !== 'none') {
          throw new DomainConflict(`Strategy ${command.strategyId} exists already`, 'strategy_exists');
        }
        const title = requiredText(command.title, 'title', 'Enter the title of the strategy');
        const period = validatePeriod(command.period);
        return [{ type: 'StrategyDrafted', data: { strategyId: command.strategyId, title, period } }];
      }

      case 'AddObjective': {
        const strategy = notArchived(existing(state, command.strategyId));
        if (strategy.objectives.some((objective) => objective.objectiveId === command.objectiveId)) {
          throw new DomainConflict(`Objective ${command.objectiveId} exists already`, 'objective_exists');
        }
        const wording = validWording(strategy, command);
        const classification = validClassification(command);
        return [
          {
            type: 'ObjectiveAdded',
            data: { strategyId: strategy.strategyId, objectiveId: command.objectiveId, ...wording, ...classification },
          },
        ];
      }

      case 'RewordObjective': {
        const strategy = notArchived(existing(state, command.strategyId));
        const objective = activeObjective(strategy, command.objectiveId);
        const wording = validWording(strategy, command);
        if (sameWording(objective, wording)) return [];
        return [
          {
            type: 'ObjectiveReworded',
            data: { strategyId: strategy.strategyId, objectiveId: command.objectiveId, ...wording },
          },
        ];
      }

      case 'ReclassifyObjective': {
        const strategy = notArchived(existing(state, command.strategyId));
        const objective = activeObjective(strategy, command.objectiveId);
        const classification = validClassification(command);
        if (sameClassification(objective, classification)) return [];
        return [
          {
            type: 'ObjectiveReclassified',
            data: { strategyId: strategy.strategyId, objectiveId: command.objectiveId, ...classification },
          },
        ];
      }

      case 'RetireObjective': {
        const strategy = notArchived(existing(state, command.strategyId));
        activeObjective(strategy, command.objectiveId);
        if (strategy.status !== 'draft' && activeObjectives(strategy).length === 1) {
          throw new DomainRuleViolation(
            'An adopted strategy needs at least one objective: add its replacement before retiring this one',
            'last_objective',
            'objectiveId',
          );
        }
        return [
          {
            type: 'ObjectiveRetired',
            data: {
              strategyId: strategy.strategyId,
              objectiveId: command.objectiveId,
              reason: optionalText(command.reason),
            },
          },
        ];
      }

      case 'AdoptStrategy': {
        const strategy = existing(state, command.strategyId);
        if (strategy.status !== 'draft') {
          throw new DomainRuleViolation(
            `This strategy is ${strategy.status}: only a draft can be adopted`,
            'strategy_not_draft',
          );
        }
        if (activeObjectives(strategy).length === 0) {
          throw new DomainRuleViolation('Add at least one objective before adopting the strategy', 'no_objectives');
        }
        const adoptedOn = requiredDate(command.adoptedOn, 'adoptedOn', 'the date the strategy was adopted');
        return [{ type: 'StrategyAdopted', data: { strategyId: strategy.strategyId, adoptedOn } }];
      }

      case 'PublishStrategy': {
        const strategy = existing(state, command.strategyId);
        if (strategy.status !== 'adopted') {
          throw new DomainRuleViolation(
            strategy.status === 'draft'
              ? 'Adopt the strategy before publishing it'
              : `This strategy is ${strategy.status}: only an adopted strategy can be published`,
            'strategy_not_adopted',
          );
        }
        if (activeObjectives(strategy).length === 0) {
          throw new DomainRuleViolation('A strategy cannot be published without objectives', 'no_objectives');
        }
        const publishedOn = requiredDate(command.publishedOn, 'publishedOn', 'the date the strategy was published');
        if (strategy.adoptedOn !== null && publishedOn < strategy.adoptedOn) {
          throw new DomainRuleViolation(
            'A strategy cannot be published before it was adopted',
            'published_before_adopted',
            'publishedOn',
          );
        }
        return [{ type: 'StrategyPublished', data: { strategyId: strategy.strategyId, publishedOn } }];
      }

      case 'ArchiveStrategy': {
        const strategy = notArchived(existing(state, command.strategyId));
        const archivedOn = requiredDate(command.archivedOn, 'archivedOn', 'the date the strategy was archived');
        return [
          {
            type: 'StrategyArchived',
            data: { strategyId: strategy.strategyId, archivedOn, reason: optionalText(command.reason) },
          },
        ];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'StrategyDrafted':
        return {
          status: 'draft',
          strategyId: event.data.strategyId,
          title: event.data.title,
          period: event.data.period,
          objectives: [],
          adoptedOn: null,
          publishedOn: null,
          archivedOn: null,
        };
      case 'ObjectiveAdded': {
        const strategy = existing(state, event.data.strategyId);
        const { strategyId: _strategyId, ...objective } = event.data;
        return { ...strategy, objectives: [...strategy.objectives, { ...objective, retired: false }] };
      }
      case 'ObjectiveReworded': {
        const { ref, title, description } = event.data;
        return withObjectives(existing(state, event.data.strategyId), event.data.objectiveId, (objective) => ({
          ...objective,
          ref,
          title,
          description,
        }));
      }
      case 'ObjectiveReclassified': {
        const { psedAims, eflgModules, group } = event.data;
        return withObjectives(existing(state, event.data.strategyId), event.data.objectiveId, (objective) => ({
          ...objective,
          psedAims,
          eflgModules,
          group,
        }));
      }
      case 'ObjectiveRetired':
        return withObjectives(existing(state, event.data.strategyId), event.data.objectiveId, (objective) => ({
          ...objective,
          retired: true,
        }));
      case 'StrategyAdopted':
        return { ...existing(state, event.data.strategyId), status: 'adopted', adoptedOn: event.data.adoptedOn };
      case 'StrategyPublished':
        return { ...existing(state, event.data.strategyId), status: 'published', publishedOn: event.data.publishedOn };
      case 'StrategyArchived':
        return { ...existing(state, event.data.strategyId), status: 'archived', archivedOn: event.data.archivedOn };
    }
  },
};
