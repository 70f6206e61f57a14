import { suggestMeasure } from './measure-suggestion.js';

describe('a measure read from a success measure written in words', () => {
  it('reads "over 90%" as a percentage to increase beyond 90', () => {
    const sentence = 'Over 90% completion rate of mandatory equality and diversity training';
    expect(suggestMeasure(sentence)).toEqual({
      title: sentence,
      unit: 'percent',
      direction: 'increase',
      target: { kind: 'threshold', comparator: 'more-than', value: 90 },
      readFrom: 'over 90%',
    });
  });

  it('reads "Minimum of two" as a count of at least 2', () => {
    const suggestion = suggestMeasure('Minimum of two Equality Impact Assessments published annually');
    expect(suggestion).toMatchObject({
      unit: 'count',
      direction: 'increase',
      target: { kind: 'threshold', comparator: 'at-least', value: 2 },
      readFrom: 'minimum of two',
    });
  });

  it('reads money and a ceiling: "no more than £5,000"', () => {
    expect(suggestMeasure('Spend on interpreters no more than £5,000 a year')).toMatchObject({
      unit: 'money',
      direction: 'decrease',
      target: { kind: 'threshold', comparator: 'at-most', value: 5000 },
    });
  });

  it('reads "Reduction in gender pay gap" as a decrease with no value', () => {
    expect(suggestMeasure('Reduction in gender pay gap')).toMatchObject({
      unit: 'count',
      direction: 'decrease',
      target: { kind: 'direction' },
      readFrom: 'reduction',
    });
  });

  it('reads a rate that should rise as a percentage to increase', () => {
    expect(suggestMeasure('Significant increase in staff self-declaration rate')).toMatchObject({
      unit: 'percent',
      direction: 'increase',
      target: { kind: 'direction' },
    });
  });

  it('keeps "maintain" with a threshold: "Maintain at least 95% satisfaction"', () => {
    expect(suggestMeasure('Maintain at least 95% satisfaction')).toMatchObject({
      direction: 'maintain',
      target: { kind: 'threshold', comparator: 'at-least', value: 95 },
    });
  });

  it('leaves a sentence with nothing to count as a measure in words, title tidied', () => {
    expect(suggestMeasure('  Staff   network established ')).toEqual({
      title: 'Staff network established',
      unit: 'text',
      direction: 'increase',
      target: null,
      readFrom: null,
    });
  });
});
