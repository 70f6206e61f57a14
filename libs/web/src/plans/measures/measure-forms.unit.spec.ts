import { suggestMeasure } from '@due-regard/plans';
import { measureFormFromSuggestion, readMeasureForm, readReadingForm } from './measure-forms.js';

describe('the record-a-reading form', () => {
  it('reads "92%" on a date as the number 92', () => {
    const result = readReadingForm(
      { value: '92%', 'on-day': '31', 'on-month': '3', 'on-year': '2025', note: '' },
      'percent',
    );
    expect(result).toMatchObject({ kind: 'valid', reading: { value: 92, on: '2025-03-31', note: null } });
  });

  it('asks for a number, and for the date, keeping what was typed', () => {
    const result = readReadingForm({ value: 'about half', 'on-day': '', 'on-month': '', 'on-year': '' }, 'count');
    expect(result).toMatchObject({
      kind: 'invalid',
      values: { value: 'about half' },
      errors: { value: 'Enter the reading as a number, such as 92', 'on-day': 'Enter the date of the reading' },
    });
  });

  it('takes words for a measure in words', () => {
    const result = readReadingForm(
      { value: 'Network launched', 'on-day': '1', 'on-month': '4', 'on-year': '2025' },
      'text',
    );
    expect(result).toMatchObject({ kind: 'valid', reading: { value: 'Network launched', on: '2025-04-01' } });
  });
});

describe('the define-a-measure form', () => {
  it('is pre-filled from a success measure and, sent as it is, defines that measure', () => {
    const values = measureFormFromSuggestion(suggestMeasure('Over 90% completion rate of equality training'));
    expect(values).toEqual({
      title: 'Over 90% completion rate of equality training',
      unit: 'percent',
      direction: 'increase',
      baseline: '',
      targetKind: 'more-than',
      targetValue: '90',
    });
    expect(readMeasureForm({ ...values, baseline: '62' })).toMatchObject({
      kind: 'valid',
      measure: {
        unit: 'percent',
        baseline: { value: 62, asOf: null },
        target: { kind: 'threshold', comparator: 'more-than', value: 90 },
      },
    });
  });

  it('names each field left to choose', () => {
    const result = readMeasureForm({ title: ' ', targetKind: 'at-least', targetValue: 'ten' });
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' ? Object.keys(result.errors).sort() : []).toEqual(
      ['direction', 'targetValue', 'title', 'unit'].sort(),
    );
  });
});
