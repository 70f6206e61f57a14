import { PSED_AIM_LABELS, type PsedAim } from '../../domain/equality-reference.js';
import type { ObjectiveGroup, StrategyEvent, StrategyState } from '../../domain/strategy.js';
import { longDate, objectiveName, quote } from '../action-history/history-summaries.js';

const GROUP_KINDS: Readonly<Record<ObjectiveGroup['kind'], string>> = {
  priority: 'priority',
  theme: 'theme',
  'psed-aim': 'equality duty aim',
  pillar: 'pillar',
};

function aims(keys: readonly PsedAim[]): string {
  return keys.length === 0 ? 'no PSED aims' : `PSED aims: ${keys.map((key) => PSED_AIM_LABELS[key]).join('; ')}`;
}

function modules(names: readonly string[]): string {
  return names.length === 0 ? 'no EFLG modules' : `EFLG modules: ${names.join('; ')}`;
}

function group(value: ObjectiveGroup | null): string {
  return value === null ? 'in no group' : `under the ${GROUP_KINDS[value.kind]} ${quote(value.title, 80)}`;
}

/** The objective as it was named before this event: a change says what it changed from. */
function nameBefore(state: StrategyState, objectiveId: string): string {
  const objective = state.status === 'none' ? undefined : state.objectives.find((o) => o.objectiveId === objectiveId);
  return objective === undefined ? `objective ${objectiveId}` : objectiveName(objective);
}

/** What one event of a strategy's stream changed, in words; `before` is the strategy just before it. */
export function summariseStrategyEvent(event: StrategyEvent, before: StrategyState): string {
  switch (event.type) {
    case 'StrategyDrafted':
      return `Drafted ${quote(event.data.title, 80)} for ${longDate(event.data.period.from)} to ${longDate(event.data.period.to)}`;
    case 'ObjectiveAdded':
      return `Added ${objectiveName(event.data)} (${aims(event.data.psedAims)}; ${modules(event.data.eflgModules)}; ${group(event.data.group)})`;
    case 'ObjectiveReworded':
      return `Reworded ${nameBefore(before, event.data.objectiveId)} as ${objectiveName(event.data)}`;
    case 'ObjectiveReclassified':
      return `Reclassified ${nameBefore(before, event.data.objectiveId)}: ${aims(event.data.psedAims)}; ${modules(event.data.eflgModules)}; ${group(event.data.group)}`;
    case 'ObjectiveRetired':
      return `Retired ${nameBefore(before, event.data.objectiveId)}${event.data.reason === null ? '' : `: ${quote(event.data.reason)}`}`;
    case 'StrategyAdopted':
      return `Adopted on ${longDate(event.data.adoptedOn)}`;
    case 'StrategyPublished':
      return `Published on ${longDate(event.data.publishedOn)}`;
    case 'StrategyArchived':
      return `Archived on ${longDate(event.data.archivedOn)}${event.data.reason === null ? '' : `: ${quote(event.data.reason)}`}`;
  }
}
