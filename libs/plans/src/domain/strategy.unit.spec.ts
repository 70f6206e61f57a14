import {
  activeObjectives,
  strategyDecider,
  type AddObjective,
  type ObjectiveAdded,
  type StrategyDrafted,
  type StrategyEvent,
} from './strategy.js';
import { scenario } from '@due-regard/testing';

const given = scenario(strategyDecider);
const strategyId = 'strategy-charnwood-2024';

// Charnwood Borough Council, Equality Strategy 2024-2028, Priority Equality Objectives.
const drafted: StrategyDrafted = {
  type: 'StrategyDrafted',
  data: { strategyId, title: 'Equality Strategy 2024-2028', period: { from: '2024-04-01', to: '2028-03-31' } },
};

const peo1Added: ObjectiveAdded = {
  type: 'ObjectiveAdded',
  data: {
    strategyId,
    objectiveId: 'peo-1',
    ref: 'PEO 1',
    title: 'Promoting inclusive and responsive service delivery',
    description:
      'Ensuring that all public services provided by the local authority are accessible and meet the diverse needs of the community, eliminating any discriminatory practices',
    psedAims: ['eliminate-discrimination', 'advance-equality-of-opportunity'],
    eflgModules: ['Responsive services and customer care'],
    group: null,
  },
};
const peo1Data = peo1Added.data;
const addPeo1: AddObjective = { type: 'AddObjective', ...peo1Data };

const peo2Added: ObjectiveAdded = {
  type: 'ObjectiveAdded',
  data: {
    strategyId,
    objectiveId: 'peo-2',
    ref: 'PEO 2',
    title: 'Workforce Diversity, Engagement, and Inclusion',
    description: 'Foster a diverse and inclusive workforce that reflects the community it services',
    psedAims: ['advance-equality-of-opportunity'],
    eflgModules: ['Diverse and engaged workforce'],
    group: null,
  },
};

const adopted: StrategyEvent = { type: 'StrategyAdopted', data: { strategyId, adoptedOn: '2024-03-12' } };
const published: StrategyEvent = { type: 'StrategyPublished', data: { strategyId, publishedOn: '2024-04-02' } };
const archived: StrategyEvent = {
  type: 'StrategyArchived',
  data: { strategyId, archivedOn: '2028-04-01', reason: null },
};

describe('drafting a strategy', () => {
  it('records the draft, tidying the title', () => {
    given()
      .when({
        type: 'DraftStrategy',
        strategyId,
        title: '  Equality Strategy\n2024-2028 ',
        period: drafted.data.period,
      })
      .then(drafted);
  });

  it('refuses a blank title', () => {
    given()
      .when({ type: 'DraftStrategy', strategyId, title: ' ', period: drafted.data.period })
      .thenRefused('title_required', 'title');
  });

  it('refuses a period that is not made of dates', () => {
    given()
      .when({ type: 'DraftStrategy', strategyId, title: 'EDI Strategy', period: { from: '2024', to: '2028-03-31' } })
      .thenRefused('invalid_date', 'period.from');
    given()
      .when({
        type: 'DraftStrategy',
        strategyId,
        title: 'EDI Strategy',
        period: { from: '2024-04-01', to: '2028-02-30' },
      })
      .thenRefused('invalid_date', 'period.to');
  });

  it('refuses a period that does not end after it starts', () => {
    given()
      .when({
        type: 'DraftStrategy',
        strategyId,
        title: 'EDI Strategy',
        period: { from: '2028-03-31', to: '2024-04-01' },
      })
      .thenRefused('period_ends_before_it_starts', 'period.to');
    given()
      .when({
        type: 'DraftStrategy',
        strategyId,
        title: 'EDI Strategy',
        period: { from: '2024-04-01', to: '2024-04-01' },
      })
      .thenRefused('period_ends_before_it_starts', 'period.to');
  });

  it('refuses to draft a strategy twice', () => {
    given(drafted)
      .when({ type: 'DraftStrategy', strategyId, title: 'Again', period: drafted.data.period })
      .thenConflicts('strategy_exists');
  });
});

describe('adding an objective', () => {
  it('records the objective with its PSED aims and EFLG modules', () => {
    given(drafted).when(addPeo1).then(peo1Added);
  });

  it('records an objective without a reference, grouped under a pillar (Leicestershire)', () => {
    given(drafted)
      .when({
        type: 'AddObjective',
        strategyId,
        objectiveId: 'inclusive-hr',
        ref: '  ',
        title: 'Inclusive HR Policies & Practices',
        description: '',
        psedAims: [],
        eflgModules: [],
        group: { kind: 'pillar', title: ' Workforce and culture ' },
      })
      .then({
        type: 'ObjectiveAdded',
        data: {
          strategyId,
          objectiveId: 'inclusive-hr',
          ref: null,
          title: 'Inclusive HR Policies & Practices',
          description: null,
          psedAims: [],
          eflgModules: [],
          group: { kind: 'pillar', title: 'Workforce and culture' },
        },
      });
  });

  it('tidies the reference and keeps each PSED aim once, in the order of the Act', () => {
    given(drafted)
      .when({
        ...addPeo1,
        ref: ' PEO   1 ',
        psedAims: ['foster-good-relations', 'eliminate-discrimination', 'foster-good-relations'],
      })
      .then({
        type: 'ObjectiveAdded',
        data: { ...peo1Data, ref: 'PEO 1', psedAims: ['eliminate-discrimination', 'foster-good-relations'] },
      });
  });

  it('accepts objectives while the strategy is adopted or published', () => {
    given(drafted, peo1Added, adopted)
      .when({ ...addPeo1, objectiveId: 'peo-5', ref: 'PEO 5' })
      .then({
        type: 'ObjectiveAdded',
        data: { ...peo1Data, objectiveId: 'peo-5', ref: 'PEO 5' },
      });
    given(drafted, peo1Added, adopted, published)
      .when({ ...addPeo1, objectiveId: 'peo-5', ref: 'PEO 5' })
      .then({ type: 'ObjectiveAdded', data: { ...peo1Data, objectiveId: 'peo-5', ref: 'PEO 5' } });
  });

  it('refuses a reference another objective of the strategy has, whatever its case or spacing', () => {
    given(drafted, peo1Added)
      .when({ ...addPeo1, objectiveId: 'peo-1-again', ref: 'peo1' })
      .thenRefused('duplicate_objective_ref', 'ref');
  });

  it('lets a new objective take the reference of a retired one', () => {
    given(drafted, peo1Added, {
      type: 'ObjectiveRetired',
      data: { strategyId, objectiveId: 'peo-1', reason: null },
    })
      .when({ ...addPeo1, objectiveId: 'peo-1-new' })
      .then({ type: 'ObjectiveAdded', data: { ...peo1Data, objectiveId: 'peo-1-new' } });
  });

  it('accepts any number of objectives without a reference', () => {
    const unnumbered: ObjectiveAdded = { type: 'ObjectiveAdded', data: { ...peo1Data, objectiveId: 'a', ref: null } };
    given(drafted, unnumbered)
      .when({ ...addPeo1, objectiveId: 'b', ref: null })
      .then({ type: 'ObjectiveAdded', data: { ...peo1Data, objectiveId: 'b', ref: null } });
  });

  it('refuses a blank title', () => {
    given(drafted)
      .when({ ...addPeo1, title: '\n' })
      .thenRefused('title_required', 'title');
  });

  it('refuses a PSED aim or EFLG module that is not in the reference', () => {
    given(drafted)
      .when({ ...addPeo1, psedAims: ['eliminate-discrimination', 'promote-diversity'] })
      .thenRefused('unknown_psed_aim', 'psedAims');
    given(drafted)
      .when({ ...addPeo1, eflgModules: ['Customer care'] })
      .thenRefused('unknown_eflg_module', 'eflgModules');
  });

  it('refuses a group of an unknown kind, or without a name', () => {
    given(drafted)
      .when({ ...addPeo1, group: { kind: 'chapter', title: 'One' } })
      .thenRefused('unknown_group_kind', 'group.kind');
    given(drafted)
      .when({ ...addPeo1, group: { kind: 'psed-aim', title: '' } })
      .thenRefused('group_title_required', 'group.title');
  });

  it('refuses an objective id used already', () => {
    given(drafted, peo1Added)
      .when({ ...addPeo1, ref: 'PEO 9' })
      .thenConflicts('objective_exists');
  });

  it('refuses objectives for an archived strategy', () => {
    given(drafted, peo1Added, archived)
      .when({ ...addPeo1, objectiveId: 'peo-9', ref: 'PEO 9' })
      .thenRefused('strategy_archived');
  });

  it('refuses objectives for a strategy that was never drafted', () => {
    given().when(addPeo1).thenNotFound();
  });
});

describe('rewording an objective', () => {
  const reword = {
    type: 'RewordObjective',
    strategyId,
    objectiveId: 'peo-1',
    ref: 'PEO 1',
    title: 'Inclusive and responsive services',
    description: null,
  } as const;

  it('records the new wording', () => {
    given(drafted, peo1Added)
      .when(reword)
      .then({
        type: 'ObjectiveReworded',
        data: {
          strategyId,
          objectiveId: 'peo-1',
          ref: 'PEO 1',
          title: 'Inclusive and responsive services',
          description: null,
        },
      });
  });

  it('records nothing when the words are unchanged', () => {
    given(drafted, peo1Added)
      .when({ ...reword, title: ` ${peo1Data.title} `, description: peo1Data.description })
      .thenNothingHappens();
  });

  it('renumbers an objective, refusing a number another objective has', () => {
    given(drafted, peo1Added, peo2Added)
      .when({ ...reword, ref: 'PEO 3' })
      .then({
        type: 'ObjectiveReworded',
        data: { strategyId, objectiveId: 'peo-1', ref: 'PEO 3', title: reword.title, description: null },
      });
    given(drafted, peo1Added, peo2Added)
      .when({ ...reword, ref: 'PEO 2' })
      .thenRefused('duplicate_objective_ref', 'ref');
  });

  it('refuses a blank title', () => {
    given(drafted, peo1Added)
      .when({ ...reword, title: '' })
      .thenRefused('title_required', 'title');
  });

  it('refuses to reword a retired objective', () => {
    given(drafted, peo1Added, { type: 'ObjectiveRetired', data: { strategyId, objectiveId: 'peo-1', reason: null } })
      .when(reword)
      .thenRefused('objective_retired', 'objectiveId');
  });

  it('refuses an objective the strategy does not have', () => {
    given(drafted, peo1Added)
      .when({ ...reword, objectiveId: 'peo-7' })
      .thenNotFound();
  });

  it('refuses changes to an archived strategy', () => {
    given(drafted, peo1Added, archived).when(reword).thenRefused('strategy_archived');
  });
});

describe('reclassifying an objective', () => {
  const reclassify = {
    type: 'ReclassifyObjective',
    strategyId,
    objectiveId: 'peo-1',
    psedAims: ['foster-good-relations'],
    eflgModules: [],
    group: { kind: 'priority', title: 'Fair and accessible services' },
  } as const;

  it('records the new PSED aims, EFLG modules and group', () => {
    given(drafted, peo1Added)
      .when(reclassify)
      .then({
        type: 'ObjectiveReclassified',
        data: {
          strategyId,
          objectiveId: 'peo-1',
          psedAims: ['foster-good-relations'],
          eflgModules: [],
          group: { kind: 'priority', title: 'Fair and accessible services' },
        },
      });
  });

  it('records nothing when nothing changes', () => {
    given(drafted, peo1Added)
      .when({ ...reclassify, psedAims: peo1Data.psedAims, eflgModules: peo1Data.eflgModules, group: null })
      .thenNothingHappens();
  });

  it('refuses a PSED aim not in the reference', () => {
    given(drafted, peo1Added)
      .when({ ...reclassify, psedAims: ['be-nice'] })
      .thenRefused('unknown_psed_aim', 'psedAims');
  });

  it('refuses to reclassify a retired objective, or one in an archived strategy', () => {
    given(drafted, peo1Added, { type: 'ObjectiveRetired', data: { strategyId, objectiveId: 'peo-1', reason: null } })
      .when(reclassify)
      .thenRefused('objective_retired', 'objectiveId');
    given(drafted, peo1Added, archived).when(reclassify).thenRefused('strategy_archived');
  });
});

describe('retiring an objective', () => {
  const retire = { type: 'RetireObjective', strategyId, objectiveId: 'peo-1', reason: ' Merged into PEO 2 ' } as const;

  it('records the retirement and why', () => {
    given(drafted, peo1Added, peo2Added)
      .when(retire)
      .then({ type: 'ObjectiveRetired', data: { strategyId, objectiveId: 'peo-1', reason: 'Merged into PEO 2' } });
  });

  it('retires the only objective of a draft', () => {
    given(drafted, peo1Added)
      .when({ ...retire, reason: null })
      .then({ type: 'ObjectiveRetired', data: { strategyId, objectiveId: 'peo-1', reason: null } });
  });

  it('refuses to leave an adopted or published strategy without objectives', () => {
    given(drafted, peo1Added, adopted).when(retire).thenRefused('last_objective', 'objectiveId');
    given(drafted, peo1Added, adopted, published).when(retire).thenRefused('last_objective', 'objectiveId');
  });

  it('refuses to retire an objective twice', () => {
    given(drafted, peo1Added, peo2Added, {
      type: 'ObjectiveRetired',
      data: { strategyId, objectiveId: 'peo-1', reason: null },
    })
      .when(retire)
      .thenRefused('objective_retired', 'objectiveId');
  });

  it('refuses changes to an archived strategy', () => {
    given(drafted, peo1Added, peo2Added, archived).when(retire).thenRefused('strategy_archived');
  });
});

describe('adopting a strategy', () => {
  it('records the adoption', () => {
    given(drafted, peo1Added).when({ type: 'AdoptStrategy', strategyId, adoptedOn: '2024-03-12' }).then(adopted);
  });

  it('refuses a strategy without objectives', () => {
    given(drafted).when({ type: 'AdoptStrategy', strategyId, adoptedOn: '2024-03-12' }).thenRefused('no_objectives');
    given(drafted, peo1Added, { type: 'ObjectiveRetired', data: { strategyId, objectiveId: 'peo-1', reason: null } })
      .when({ type: 'AdoptStrategy', strategyId, adoptedOn: '2024-03-12' })
      .thenRefused('no_objectives');
  });

  it('refuses a strategy that is not a draft', () => {
    given(drafted, peo1Added, adopted)
      .when({ type: 'AdoptStrategy', strategyId, adoptedOn: '2024-03-12' })
      .thenRefused('strategy_not_draft');
    given(drafted, peo1Added, archived)
      .when({ type: 'AdoptStrategy', strategyId, adoptedOn: '2024-03-12' })
      .thenRefused('strategy_not_draft');
  });

  it('refuses an adoption date that is not a date', () => {
    given(drafted, peo1Added)
      .when({ type: 'AdoptStrategy', strategyId, adoptedOn: '12/03/2024' })
      .thenRefused('invalid_date', 'adoptedOn');
  });

  it('refuses a strategy that was never drafted', () => {
    given().when({ type: 'AdoptStrategy', strategyId, adoptedOn: '2024-03-12' }).thenNotFound();
  });
});

describe('publishing a strategy', () => {
  it('records the publication of an adopted strategy', () => {
    given(drafted, peo1Added, adopted)
      .when({ type: 'PublishStrategy', strategyId, publishedOn: '2024-04-02' })
      .then(published);
  });

  it('refuses to publish a draft, or to publish twice', () => {
    given(drafted, peo1Added)
      .when({ type: 'PublishStrategy', strategyId, publishedOn: '2024-04-02' })
      .thenRefused('strategy_not_adopted');
    given(drafted, peo1Added, adopted, published)
      .when({ type: 'PublishStrategy', strategyId, publishedOn: '2024-04-02' })
      .thenRefused('strategy_not_adopted');
  });

  it('refuses to publish a strategy whose objectives have all been retired', () => {
    // Only a history written before the last-objective rule can reach this; the rule still holds.
    given(drafted, peo1Added, adopted, {
      type: 'ObjectiveRetired',
      data: { strategyId, objectiveId: 'peo-1', reason: null },
    })
      .when({ type: 'PublishStrategy', strategyId, publishedOn: '2024-04-02' })
      .thenRefused('no_objectives');
  });

  it('refuses a publication date before the adoption', () => {
    given(drafted, peo1Added, adopted)
      .when({ type: 'PublishStrategy', strategyId, publishedOn: '2024-03-11' })
      .thenRefused('published_before_adopted', 'publishedOn');
  });

  it('refuses a publication date that is not a date', () => {
    given(drafted, peo1Added, adopted)
      .when({ type: 'PublishStrategy', strategyId, publishedOn: 'April' })
      .thenRefused('invalid_date', 'publishedOn');
  });
});

describe('archiving a strategy', () => {
  it.each<[string, StrategyEvent[]]>([
    ['a draft', [drafted]],
    ['an adopted strategy', [drafted, peo1Added, adopted]],
    ['a published strategy', [drafted, peo1Added, adopted, published]],
  ])('archives %s', (_name, history) => {
    given(...history)
      .when({
        type: 'ArchiveStrategy',
        strategyId,
        archivedOn: '2028-04-01',
        reason: ' Replaced by the 2028-2032 strategy ',
      })
      .then({
        type: 'StrategyArchived',
        data: { strategyId, archivedOn: '2028-04-01', reason: 'Replaced by the 2028-2032 strategy' },
      });
  });

  it('refuses to archive twice', () => {
    given(drafted, archived)
      .when({ type: 'ArchiveStrategy', strategyId, archivedOn: '2028-04-02', reason: null })
      .thenRefused('strategy_archived');
  });

  it('refuses an archive date that is not a date', () => {
    given(drafted)
      .when({ type: 'ArchiveStrategy', strategyId, archivedOn: '', reason: null })
      .thenRefused('invalid_date', 'archivedOn');
  });
});

describe('the strategy as its events leave it', () => {
  it('knows its status, dates and active objectives', () => {
    const { state } = given(drafted, peo1Added, peo2Added, adopted, published, {
      type: 'ObjectiveRetired',
      data: { strategyId, objectiveId: 'peo-1', reason: null },
    });
    if (state.status === 'none') throw new Error('The strategy should exist');
    expect(state).toMatchObject({
      status: 'published',
      adoptedOn: '2024-03-12',
      publishedOn: '2024-04-02',
      archivedOn: null,
    });
    expect(activeObjectives(state).map((objective) => objective.ref)).toEqual(['PEO 2']);
  });
});
