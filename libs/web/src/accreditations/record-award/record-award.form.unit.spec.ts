import { readAwardForm } from './record-award.form.js';

describe('the record-an-award form', () => {
  const filled = { level: '3', 'awardedOn-day': '10', 'awardedOn-month': '3', 'awardedOn-year': '2025' };

  it('reads the level and the award date, leaving the expiry to be computed when blank', () => {
    expect(readAwardForm(filled)).toMatchObject({
      kind: 'valid',
      award: { level: 3, awardedOn: '2025-03-10' },
    });
    const result = readAwardForm(filled);
    expect(result.kind === 'valid' && 'expiresOn' in result.award).toBe(false);
  });

  it('takes an expiry given', () => {
    expect(
      readAwardForm({ ...filled, 'expiresOn-day': '31', 'expiresOn-month': 'May', 'expiresOn-year': '2027' }),
    ).toMatchObject({ kind: 'valid', award: { expiresOn: '2027-05-31' } });
  });

  it('names every field to correct, keeping what was typed', () => {
    const result = readAwardForm({
      level: '',
      'awardedOn-day': '31',
      'awardedOn-month': '2',
      'awardedOn-year': '2025',
      'expiresOn-day': '1',
    });
    expect(result).toMatchObject({
      kind: 'invalid',
      errors: {
        level: 'Select the level awarded',
        'awardedOn-day': 'The award date must be a real date',
        'expiresOn-month': 'The expiry date must include a month and year',
      },
      values: { level: '', awardedOn: { day: '31', month: '2', year: '2025' } },
    });
    expect(readAwardForm({ level: '3' })).toMatchObject({
      kind: 'invalid',
      errors: { 'awardedOn-day': 'Enter the date of the award' },
    });
  });
});
