import { streamName, type RecordedEvent } from '@due-regard/event-store';
import type { DomainEvent } from '@due-regard/shared-kernel';
import { parseDue } from '../../domain/due.js';
import { ACTION_SNAPSHOT_EVERY } from '../schema/entities.js';
import { affectedIds, CouncilReadModel } from './council-read-model.js';

let clock = Date.parse('2025-01-01T09:00:00.000Z');

function recorded(tenant: string, category: string, id: string, version: number, event: DomainEvent): RecordedEvent {
  clock += 1000;
  return {
    id: `${category}-${id}-${version}`,
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: {
      tenantId: tenant,
      actorId: 'subject',
      correlationId: 'c',
      causationId: null,
      occurredAt: new Date(clock).toISOString(),
      source: 'api',
    },
    streamId: streamName(category, tenant, id),
    streamVersion: version,
    globalPosition: { commit: BigInt(clock), prepare: 0n },
    recordedAt: new Date(clock),
    hash: '00',
  };
}

const added = recorded('charnwood', 'action', 'a1', 1, {
  type: 'ActionAdded',
  data: {
    actionId: 'a1',
    planId: 'p1',
    ref: '1.1',
    objectiveId: 'o1',
    title: 'Review equality impact assessments',
    description: null,
    due: parseDue('Q3 2024'),
    successMeasures: [],
    leads: ['HR'],
    protectedCharacteristics: [],
  },
});
const measureSubject = { kind: 'action', planId: 'p1', actionId: 'a1' };
const measureDefined = recorded('charnwood', 'measure', 'm1', 1, {
  type: 'MeasureDefined',
  data: {
    measureId: 'm1',
    subject: measureSubject,
    title: 'Completion rate of equality training',
    unit: 'percent',
    direction: 'increase',
    baseline: { value: 62, asOf: null },
    target: { kind: 'threshold', comparator: 'more-than', value: 90 },
  },
});
const progress = (version: number, rag: string) =>
  recorded('charnwood', 'action', 'a1', version, {
    type: 'ProgressRecorded',
    data: {
      actionId: 'a1',
      planId: 'p1',
      status: 'in-progress',
      rag,
      narrative: `Update ${version}`,
      asOf: '2024-08-01',
      previousStatus: 'not-started',
    },
  });

describe("a council's read model in memory", () => {
  it('folds action events into a row with the due schedule spelled out', () => {
    const model = new CouncilReadModel('charnwood');
    const update = progress(2, 'amber');
    expect(model.apply(added)).toBe(true);
    expect(model.apply(update)).toBe(true);
    expect(model.changes().actions).toEqual([
      expect.objectContaining({
        action_id: 'a1',
        version: 2,
        status: 'in-progress',
        rag: 'amber',
        due_kind: 'date',
        due_dates: ['2024-07-01', '2024-09-30'],
        due_final: '2024-09-30',
        changed_at: update.recordedAt.toISOString(),
      }),
    ]);
  });

  it('skips an event its rows include already, and one that does not start its stream', () => {
    const model = new CouncilReadModel('charnwood');
    model.apply(added);
    model.apply(progress(2, 'amber'));
    expect(model.apply(progress(2, 'red'))).toBe(false);
    expect(model.apply(added)).toBe(false);
    expect(model.changes().actions[0]?.rag).toBe('amber');
    expect(new CouncilReadModel('charnwood').apply(progress(5, 'red'))).toBe(false);
  });

  it('refuses an event of another council', () => {
    expect(() => new CouncilReadModel('leicestershire').apply(added)).toThrow(/offered to leicestershire/);
  });

  it(`keeps a snapshot of the action every ${ACTION_SNAPSHOT_EVERY} versions`, () => {
    const model = new CouncilReadModel('charnwood');
    model.apply(added);
    for (let version = 2; version <= 2 * ACTION_SNAPSHOT_EVERY + 1; version += 1)
      model.apply(progress(version, 'green'));
    expect(
      model.rows().actionSnapshots?.map((snapshot) => [snapshot.version, snapshot.state.latestProgress?.narrative]),
    ).toEqual([
      [ACTION_SNAPSHOT_EVERY, `Update ${ACTION_SNAPSHOT_EVERY}`],
      [2 * ACTION_SNAPSHOT_EVERY, `Update ${2 * ACTION_SNAPSHOT_EVERY}`],
    ]);
  });

  it('names the rows a batch touches, by stream', () => {
    const drafted = recorded('charnwood', 'strategy', 's1', 1, {
      type: 'StrategyDrafted',
      data: { strategyId: 's1', title: 'Strategy', period: { from: '2024-04-01', to: '2028-03-31' } },
    });
    expect(affectedIds([drafted, added, progress(2, 'red'), measureDefined])).toEqual({
      strategyIds: ['s1'],
      planIds: [],
      actionIds: ['a1'],
      measureIds: ['m1'],
    });
  });

  it("keeps a measure's readings, its latest by date and the RAG they earn", () => {
    const model = new CouncilReadModel('charnwood');
    const reading = (version: number, value: number, asOf: string) =>
      recorded('charnwood', 'measure', 'm1', version, {
        type: 'MeasureReadingRecorded',
        data: { measureId: 'm1', subject: measureSubject, value, asOf, note: null },
      });
    for (const event of [measureDefined, reading(2, 95, '2024-12-31'), reading(3, 70, '2024-09-30')]) {
      expect(model.apply(event)).toBe(true);
    }
    expect(model.apply(reading(3, 70, '2024-09-30'))).toBe(false);
    const [row] = model.changes().measures;
    expect(row).toMatchObject({
      measure_id: 'm1',
      subject_kind: 'action',
      parent_id: 'p1',
      subject_id: 'a1',
      latest_reading: { value: 95, asOf: '2024-12-31', note: null },
      rag: 'green',
      version: 3,
    });
    expect(row?.readings).toHaveLength(2);
  });
});
