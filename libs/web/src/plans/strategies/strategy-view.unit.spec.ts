import type { ObjectiveDto, StrategyDetailDto } from '@due-regard/plans';
import { objectiveSections } from './strategy-view.js';

const objective = (id: string, group: ObjectiveDto['group'], retired = false): ObjectiveDto => ({
  id,
  ref: id.toUpperCase(),
  title: `Objective ${id}`,
  description: null,
  psedAims: ['foster-good-relations', 'local-aim'],
  eflgModules: [],
  group,
  retired,
});

function strategy(objectives: ObjectiveDto[], groups: StrategyDetailDto['groups']): StrategyDetailDto {
  return {
    id: 's-1',
    title: 'Equality strategy',
    period: { from: '2024-04-01', to: '2028-03-31' },
    status: 'published',
    adoptedOn: null,
    publishedOn: null,
    archivedOn: null,
    version: 1,
    changedAt: '2025-01-01T00:00:00.000Z',
    objectives,
    groups,
  };
}

describe("a strategy's objectives, by group", () => {
  it('puts objectives under their pillars and priorities, then the rest, then retired ones', () => {
    const sections = objectiveSections(
      strategy(
        [
          objective('a', { kind: 'pillar', title: 'Our communities' }),
          objective('b', null),
          objective('c', { kind: 'psed-aim', title: 'Foster good relations' }),
          objective('d', { kind: 'pillar', title: 'Our communities' }),
          objective('e', null, true),
        ],
        [
          { kind: 'pillar', title: 'Our communities', objectiveIds: ['a', 'd'] },
          { kind: 'psed-aim', title: 'Foster good relations', objectiveIds: ['c'] },
        ],
      ),
    );
    expect(sections.map((section) => [section.heading, section.objectives.map((o) => o.ref)])).toEqual([
      ['Pillar: Our communities', ['A', 'D']],
      ['Equality duty aim: Foster good relations', ['C']],
      ['Other objectives', ['B']],
      ['Retired objectives', ['E']],
    ]);
  });

  it("heads ungrouped objectives plainly when there are no groups, and names PSED aims in the Act's words", () => {
    const [only] = objectiveSections(strategy([objective('a', null)], []));
    expect(only?.heading).toBe('Objectives');
    expect(only?.objectives[0]?.psedAims).toEqual([
      'Foster good relations between people who share a relevant protected characteristic and those who do not',
      'local-aim',
    ]);
  });
});
