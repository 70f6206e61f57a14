import { strategyDecider, type StrategyEvent, type StrategyState } from '../../domain/strategy.js';
import { summariseStrategyEvent } from './strategy-history-summaries.js';

const strategyId = 's1';
const drafted: StrategyEvent = {
  type: 'StrategyDrafted',
  data: { strategyId, title: 'Equality Strategy 2024-2028', period: { from: '2024-04-01', to: '2028-03-31' } },
};
const added: StrategyEvent = {
  type: 'ObjectiveAdded',
  data: {
    strategyId,
    objectiveId: 'o1',
    ref: 'PEO 1',
    title: 'Inclusion ality of opportunity',
    description: null,
    psedAims: ['advance-equality-of-opportunity'],
    eflgModules: [],
    group: { kind: 'pillar', title: 'Our communities' },
  },
};
const withObjective: StrategyState = [drafted, added].reduce(strategyDecider.evolve, strategyDecider.initialState());

describe("a strategy's history in words", () => {
  it.each<[string, StrategyEvent, StrategyState, string]>([
    [
      'drafted',
      drafted,
      strategyDecider.initialState(),
      'Drafted "Equality Strategy 2024-2028" for 1 April 2024 to 31 March 2028',
    ],
    [
      'given an objective',
      added,
      withObjective,
      'Added PEO 1 "Inclusion ality of opportunity" (PSED aims: Advance equality of opportunity between people who share a relevant protected characteristic and those who do not; no EFLG modules; under the pillar "Our communities")',
    ],
    [
      'reworded an objective (from its old words)',
      {
        type: 'ObjectiveReworded',
        data: {
          strategyId,
          objectiveId: 'o1',
          ref: 'PEO 1',
          title: 'Inclusion and equality of opportunity',
          description: null,
        },
      },
      withObjective,
      'Reworded PEO 1 "Inclusion ality of opportunity" as PEO 1 "Inclusion and equality of opportunity"',
    ],
    [
      'reclassified an objective',
      {
        type: 'ObjectiveReclassified',
        data: {
          strategyId,
          objectiveId: 'o1',
          psedAims: [],
          eflgModules: ['Diverse and engaged workforce'],
          group: null,
        },
      },
      withObjective,
      'Reclassified PEO 1 "Inclusion ality of opportunity": no PSED aims; EFLG modules: Diverse and engaged workforce; in no group',
    ],
    [
      'retired an objective with a reason',
      { type: 'ObjectiveRetired', data: { strategyId, objectiveId: 'o1', reason: 'Merged into PEO 2' } },
      withObjective,
      'Retired PEO 1 "Inclusion ality of opportunity": "Merged into PEO 2"',
    ],
    [
      'changed an objective it no longer knows',
      { type: 'ObjectiveRetired', data: { strategyId, objectiveId: 'o9', reason: null } },
      withObjective,
      'Retired objective o9',
    ],
    [
      'adopted',
      { type: 'StrategyAdopted', data: { strategyId, adoptedOn: '2024-05-01' } },
      withObjective,
      'Adopted on 1 May 2024',
    ],
    [
      'published',
      { type: 'StrategyPublished', data: { strategyId, publishedOn: '2024-05-02' } },
      withObjective,
      'Published on 2 May 2024',
    ],
    [
      'archived',
      { type: 'StrategyArchived', data: { strategyId, archivedOn: '2028-03-31', reason: null } },
      withObjective,
      'Archived on 31 March 2028',
    ],
  ])('says what was done when the strategy was %s', (_, event, before, words) => {
    expect(summariseStrategyEvent(event, before)).toBe(words);
  });
});
