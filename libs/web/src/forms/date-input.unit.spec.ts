import { dateInputValues, readDateInput } from './date-input.js';

describe('a GOV.UK date input read as a calendar date', () => {
  const read = (day: string, month: string, year: string) => readDateInput({ day, month, year }, 'The date');

  it('reads day, month and year into an ISO calendar date', () => {
    expect(read('30', '6', '2024')).toEqual({ kind: 'date', date: '2024-06-30' });
    expect(read('01', '04', '2025')).toEqual({ kind: 'date', date: '2025-04-01' });
  });

  it('takes a month written as a name or its first letters, as GOV.UK advises', () => {
    expect(read('30', 'June', '2024')).toEqual({ kind: 'date', date: '2024-06-30' });
    expect(read('1', 'sept', '2025')).toEqual({ kind: 'date', date: '2025-09-01' });
  });

  it('says nothing was entered when all three parts are blank', () => {
    expect(read('', '', '')).toEqual({ kind: 'empty' });
  });

  it('names what is missing, and highlights those parts', () => {
    expect(read('1', '', '')).toEqual({
      kind: 'invalid',
      message: 'The date must include a month and year',
      parts: ['month', 'year'],
    });
    expect(read('', '4', '2025')).toEqual({ kind: 'invalid', message: 'The date must include a day', parts: ['day'] });
  });

  it('refuses dates that do not exist and years without four digits', () => {
    expect(read('31', '2', '2026')).toEqual({
      kind: 'invalid',
      message: 'The date must be a real date',
      parts: ['day'],
    });
    expect(read('29', '2', '2024')).toEqual({ kind: 'date', date: '2024-02-29' });
    expect(read('1', '13', '2025')).toEqual({
      kind: 'invalid',
      message: 'The date must be a real date',
      parts: ['month'],
    });
    expect(read('1', '4', '25')).toEqual({
      kind: 'invalid',
      message: 'The date: the year must include 4 numbers',
      parts: ['year'],
    });
    expect(read('x', '4', '2025')).toMatchObject({ kind: 'invalid', parts: ['day'] });
  });

  it("reads the posted fields by the input's prefix, trimmed", () => {
    expect(dateInputValues({ 'asOf-day': ' 3 ', 'asOf-month': '4', 'asOf-year': '2025', other: 'x' }, 'asOf')).toEqual({
      day: '3',
      month: '4',
      year: '2025',
    });
    expect(dateInputValues({}, 'asOf')).toEqual({ day: '', month: '', year: '' });
  });
});
