import {
  latestReading,
  measureDecider,
  measureRag,
  type DefineMeasure,
  type MeasureDefined,
  type MeasureDefinition,
  type MeasureEvent,
  type MeasureReading,
  type MeasureSubject,
} from './measure.js';
import { scenario } from '@due-regard/testing';

const reading = (value: number | string, asOf: string): MeasureReading => ({ value, asOf, note: null });

function definition(overrides: Partial<MeasureDefinition>): MeasureDefinition {
  return { title: 'A measure', unit: 'count', direction: 'increase', baseline: null, target: null, ...overrides };
}

describe('the RAG a measure earns', () => {
  describe('increase, with a threshold: "Minimum of two Equality Impact Assessments… annually"', () => {
    const minimumOfTwo = definition({
      unit: 'count',
      direction: 'increase',
      baseline: { value: 1, asOf: '2024-03-31' },
      target: { kind: 'threshold', comparator: 'at-least', value: 2 },
    });

    it('is green when the target is met', () => {
      expect(measureRag(minimumOfTwo, [reading(2, '2025-03-31')])).toBe('green');
      expect(measureRag(minimumOfTwo, [reading(3, '2025-03-31')])).toBe('green');
    });

    it('is amber when short of the target but up from the baseline', () => {
      expect(measureRag({ ...minimumOfTwo, baseline: { value: 0, asOf: null } }, [reading(1, '2025-03-31')])).toBe(
        'amber',
      );
    });

    it('is red when short of the target and no better than the baseline', () => {
      expect(measureRag(minimumOfTwo, [reading(1, '2025-03-31')])).toBe('red');
      expect(measureRag(minimumOfTwo, [reading(0, '2025-03-31')])).toBe('red');
    });

    it('judges against the first reading when there is no baseline, and is amber with nothing to compare', () => {
      const noBaseline = { ...minimumOfTwo, baseline: null };
      expect(measureRag(noBaseline, [reading(1, '2024-09-30')])).toBe('amber');
      expect(measureRag(noBaseline, [reading(1, '2024-09-30'), reading(0, '2025-03-31')])).toBe('red');
      expect(measureRag(noBaseline, [reading(0, '2024-09-30'), reading(1, '2025-03-31')])).toBe('amber');
    });
  });

  describe('increase, direction only: "Significant % increase… in staff self-declaration"', () => {
    const increase = definition({
      unit: 'percent',
      direction: 'increase',
      baseline: { value: 0.87, asOf: '2017-10-31' },
      target: { kind: 'direction' },
    });

    it('is green when up, amber when level, red when down', () => {
      expect(measureRag(increase, [reading(1.5, '2018-10-31')])).toBe('green');
      expect(measureRag(increase, [reading(0.87, '2018-10-31')])).toBe('amber');
      expect(measureRag(increase, [reading(0.5, '2018-10-31')])).toBe('red');
    });

    it('is none until there is something to compare with', () => {
      expect(measureRag({ ...increase, baseline: null }, [reading(1.5, '2018-10-31')])).toBe('none');
      expect(measureRag({ ...increase, baseline: null }, [reading(1, '2017-10-31'), reading(1.5, '2018-10-31')])).toBe(
        'green',
      );
    });
  });

  describe('decrease, direction only: "Reduction in gender pay gap"', () => {
    const reduction = definition({
      unit: 'percent',
      direction: 'decrease',
      baseline: { value: 8.2, asOf: '2024-03-31' },
      target: { kind: 'direction' },
    });

    it('is green when down, amber when level, red when up', () => {
      expect(measureRag(reduction, [reading(7.9, '2025-03-31')])).toBe('green');
      expect(measureRag(reduction, [reading(8.2, '2025-03-31')])).toBe('amber');
      expect(measureRag(reduction, [reading(9.1, '2025-03-31')])).toBe('red');
    });
  });

  describe('decrease, with a threshold: staff absence at most 8 days', () => {
    const absence = definition({
      unit: 'count',
      direction: 'decrease',
      baseline: { value: 11, asOf: null },
      target: { kind: 'threshold', comparator: 'at-most', value: 8 },
    });

    it('is green at or under the target, amber when down but over it, red when not down', () => {
      expect(measureRag(absence, [reading(8, '2025-03-31')])).toBe('green');
      expect(measureRag(absence, [reading(9, '2025-03-31')])).toBe('amber');
      expect(measureRag(absence, [reading(12, '2025-03-31')])).toBe('red');
    });
  });

  describe('reach: "Progress from Level 2 (Employer) to Level 3 (Leader)", "over 90%"', () => {
    const level3 = definition({
      unit: 'count',
      direction: 'reach',
      baseline: { value: 2, asOf: '2024-04-01' },
      target: { kind: 'threshold', comparator: 'exactly', value: 3 },
    });
    const over90 = definition({
      unit: 'percent',
      direction: 'reach',
      baseline: { value: 80, asOf: null },
      target: { kind: 'threshold', comparator: 'more-than', value: 90 },
    });

    it('is green when reached', () => {
      expect(measureRag(level3, [reading(3, '2026-03-31')])).toBe('green');
      expect(measureRag(over90, [reading(90.5, '2025-03-31')])).toBe('green');
    });

    it('is amber when closer than it started, red when not', () => {
      expect(measureRag(over90, [reading(90, '2025-03-31')])).toBe('amber');
      expect(measureRag(level3, [reading(2, '2026-03-31')])).toBe('red');
      expect(measureRag(over90, [reading(75, '2025-03-31')])).toBe('red');
    });
  });

  describe('maintain: "Continuously achieve a Level 3 at quarterly ratings"', () => {
    const keepLevel3 = definition({
      unit: 'count',
      direction: 'maintain',
      baseline: { value: 3, asOf: '2017-06-30' },
      target: { kind: 'threshold', comparator: 'at-least', value: 3 },
    });

    it('is green while held, red when it slips', () => {
      expect(measureRag(keepLevel3, [reading(3, '2017-09-30')])).toBe('green');
      expect(measureRag(keepLevel3, [reading(3, '2017-09-30'), reading(2, '2017-12-31')])).toBe('red');
    });
  });

  it('is none for a measure in words, a measure without a target, or before the first reading', () => {
    expect(measureRag(definition({ unit: 'text', target: null }), [reading('Compliant', '2025-03-31')])).toBe('none');
    expect(measureRag(definition({ target: null }), [reading(3, '2025-03-31')])).toBe('none');
    expect(measureRag(definition({ target: { kind: 'threshold', comparator: 'at-least', value: 2 } }), [])).toBe(
      'none',
    );
  });

  it('judges the latest reading by its date, whatever order the readings were recorded in', () => {
    const minimumOfTwo = definition({ target: { kind: 'threshold', comparator: 'at-least', value: 2 } });
    expect(measureRag(minimumOfTwo, [reading(0, '2025-03-31'), reading(5, '2024-03-31')])).toBe('red');
  });

  it('takes the reading recorded last of two on the same date, as a correction', () => {
    expect(latestReading([reading(1, '2025-03-31'), reading(2, '2025-03-31'), reading(3, '2024-03-31')])).toEqual(
      reading(2, '2025-03-31'),
    );
    expect(latestReading([])).toBeNull();
  });
});

// The measure's stream -----------------------------------------------------------------------------

const given = scenario(measureDecider);
const measureId = 'measure-tenant-fairness';
const onAction: MeasureSubject = { kind: 'action', planId: 'plan-charnwood-2024-2026', actionId: 'action-1-7' };

// Charnwood 2024-2026, action 1.7: "Tenancy satisfaction measures % of tenants who feel CBC treats them fairly and with respect."
const define: DefineMeasure = {
  type: 'DefineMeasure',
  measureId,
  subject: onAction,
  title: ' % of tenants who feel CBC treats them fairly and with respect ',
  unit: 'percent',
  direction: 'increase',
  baseline: { value: 68, asOf: '2024-03-31' },
  target: { kind: 'threshold', comparator: 'more-than', value: 75 },
};

const defined: MeasureDefined = {
  type: 'MeasureDefined',
  data: {
    measureId,
    subject: onAction,
    title: '% of tenants who feel CBC treats them fairly and with respect',
    unit: 'percent',
    direction: 'increase',
    baseline: { value: 68, asOf: '2024-03-31' },
    target: { kind: 'threshold', comparator: 'more-than', value: 75 },
  },
};
const ids = { measureId, subject: onAction };
const retired: MeasureEvent = { type: 'MeasureRetired', data: { ...ids, reason: null } };

describe('defining a measure', () => {
  it('records the measure on an action', () => {
    given().when(define).then(defined);
  });

  it('records a measure on an objective, direction only: "Equality related complaints are reduced"', () => {
    const onObjective: MeasureSubject = {
      kind: 'objective',
      strategyId: 'strategy-charnwood-2024',
      objectiveId: 'peo-1',
    };
    given()
      .when({
        ...define,
        subject: onObjective,
        title: 'Equality related complaints',
        unit: 'count',
        direction: 'decrease',
        baseline: null,
        target: { kind: 'direction' },
      })
      .then({
        type: 'MeasureDefined',
        data: {
          measureId,
          subject: onObjective,
          title: 'Equality related complaints',
          unit: 'count',
          direction: 'decrease',
          baseline: null,
          target: { kind: 'direction' },
        },
      });
  });

  it('records a measure in words, without a target', () => {
    given()
      .when({
        ...define,
        title: "Compliance with 'Relationship of Equals' recommendations",
        unit: 'text',
        direction: 'maintain',
        baseline: { value: ' Partly compliant ', asOf: null },
        target: null,
      })
      .then({
        type: 'MeasureDefined',
        data: {
          ...ids,
          title: "Compliance with 'Relationship of Equals' recommendations",
          unit: 'text',
          direction: 'maintain',
          baseline: { value: 'Partly compliant', asOf: null },
          target: null,
        },
      });
  });

  it('refuses an unknown unit, direction or comparator', () => {
    given()
      .when({ ...define, unit: 'stars' })
      .thenRefused('unknown_unit', 'unit');
    given()
      .when({ ...define, direction: 'improve' })
      .thenRefused('unknown_direction', 'direction');
    given()
      .when({ ...define, target: { kind: 'threshold', comparator: 'around', value: 75 } })
      .thenRefused('unknown_comparator', 'target.comparator');
  });

  it('refuses a measure to reach without a value to reach', () => {
    given()
      .when({ ...define, direction: 'reach', target: null })
      .thenRefused('target_needs_value', 'target');
    given()
      .when({ ...define, direction: 'reach', target: { kind: 'direction' } })
      .thenRefused('target_needs_value', 'target');
    given()
      .when({ ...define, direction: 'maintain', target: { kind: 'direction' } })
      .thenRefused('target_needs_value', 'target');
  });

  it('refuses a target for a measure in words', () => {
    given()
      .when({
        ...define,
        unit: 'text',
        baseline: null,
        target: { kind: 'threshold', comparator: 'at-least', value: 1 },
      })
      .thenRefused('text_measure_target', 'target');
  });

  it('refuses values that do not fit the unit', () => {
    given()
      .when({ ...define, baseline: { value: 'sixty-eight', asOf: null } })
      .thenRefused('invalid_value', 'baseline.value');
    given()
      .when({ ...define, target: { kind: 'threshold', comparator: 'at-least', value: Number.NaN } })
      .thenRefused('invalid_value', 'target.value');
    given()
      .when({ ...define, unit: 'count', baseline: { value: 2.5, asOf: null } })
      .thenRefused('invalid_value', 'baseline.value');
    given()
      .when({ ...define, unit: 'count', baseline: { value: -1, asOf: null } })
      .thenRefused('invalid_value', 'baseline.value');
    given()
      .when({ ...define, unit: 'text', baseline: { value: 3, asOf: null }, target: null })
      .thenRefused('invalid_value', 'baseline.value');
  });

  it('refuses a baseline date that is not a date, and a blank title', () => {
    given()
      .when({ ...define, baseline: { value: 68, asOf: 'March 2024' } })
      .thenRefused('invalid_date', 'baseline.asOf');
    given()
      .when({ ...define, title: '' })
      .thenRefused('title_required', 'title');
  });

  it('refuses to define the same measure twice', () => {
    given(defined).when(define).thenConflicts('measure_exists');
  });
});

describe('revising a target', () => {
  const revise = {
    type: 'ReviseMeasureTarget',
    measureId,
    target: { kind: 'threshold', comparator: 'at-least', value: 80 },
    reason: 'Raised after the 2025 survey',
  } as const;

  it('records the old target beside the new one and why', () => {
    given(defined)
      .when(revise)
      .then({
        type: 'MeasureTargetRevised',
        data: {
          ...ids,
          previousTarget: { kind: 'threshold', comparator: 'more-than', value: 75 },
          target: { kind: 'threshold', comparator: 'at-least', value: 80 },
          reason: 'Raised after the 2025 survey',
        },
      });
  });

  it('refuses a revision that changes nothing, or gives no reason', () => {
    given(defined)
      .when({ ...revise, target: { kind: 'threshold', comparator: 'more-than', value: 75 } })
      .thenRefused('target_unchanged', 'target');
    given(defined)
      .when({ ...revise, reason: ' ' })
      .thenRefused('reason_required', 'reason');
  });

  it('refuses a retired measure, or one never defined', () => {
    given(defined, retired).when(revise).thenRefused('measure_retired');
    given().when(revise).thenNotFound();
  });
});

describe('recording a reading', () => {
  const record = {
    type: 'RecordMeasureReading',
    measureId,
    value: 72.5,
    asOf: '2025-03-31',
    note: ' STAR survey ',
  } as const;

  it('records the reading', () => {
    given(defined)
      .when(record)
      .then({ type: 'MeasureReadingRecorded', data: { ...ids, value: 72.5, asOf: '2025-03-31', note: 'STAR survey' } });
  });

  it('records a reading in words for a measure in words', () => {
    const inWords: MeasureDefined = {
      type: 'MeasureDefined',
      data: { ...defined.data, unit: 'text', direction: 'maintain', baseline: null, target: null },
    };
    given(inWords)
      .when({ ...record, value: 'Fully compliant', note: null })
      .then({
        type: 'MeasureReadingRecorded',
        data: { ...ids, value: 'Fully compliant', asOf: '2025-03-31', note: null },
      });
  });

  it('refuses a value that does not fit the unit, or a date that is not a date', () => {
    given(defined)
      .when({ ...record, value: 'good' })
      .thenRefused('invalid_value', 'value');
    given(defined)
      .when({ ...record, asOf: '31/03/2025' })
      .thenRefused('invalid_date', 'asOf');
  });

  it('refuses readings for a retired measure', () => {
    given(defined, retired).when(record).thenRefused('measure_retired');
  });
});

describe('retiring a measure', () => {
  it('records the retirement', () => {
    given(defined)
      .when({ type: 'RetireMeasure', measureId, reason: ' Survey discontinued ' })
      .then({ type: 'MeasureRetired', data: { ...ids, reason: 'Survey discontinued' } });
  });

  it('refuses to retire a measure twice', () => {
    given(defined, retired).when({ type: 'RetireMeasure', measureId, reason: null }).thenRefused('measure_retired');
  });
});

describe('the measure as its events leave it', () => {
  it('keeps its readings and earns its RAG from them', () => {
    const { state } = given(
      defined,
      { type: 'MeasureReadingRecorded', data: { ...ids, value: 71, asOf: '2025-03-31', note: null } },
      {
        type: 'MeasureTargetRevised',
        data: {
          ...ids,
          previousTarget: defined.data.target,
          target: { kind: 'threshold', comparator: 'at-least', value: 70 },
          reason: 'Reset',
        },
      },
    );
    if (state.status === 'none') throw new Error('The measure should exist');
    expect(state.readings).toEqual([reading(71, '2025-03-31')]);
    expect(measureRag(state, state.readings)).toBe('green');
  });
});
