import { readProgressForm } from './record-progress.form.js';

describe('the record-progress form', () => {
  const filled = {
    status: 'in-progress',
    rag: 'amber',
    narrative: 'Pay gap report drafted.',
    'asOf-day': '30',
    'asOf-month': '6',
    'asOf-year': '2025',
  };

  it('reads a filled-in form into the report the command takes', () => {
    expect(readProgressForm(filled)).toMatchObject({
      kind: 'valid',
      report: { status: 'in-progress', rag: 'amber', narrative: 'Pay gap report drafted.', asOf: '2025-06-30' },
    });
  });

  it('leaves the date out when it is blank: the command takes today', () => {
    const result = readProgressForm({ ...filled, 'asOf-day': '', 'asOf-month': '', 'asOf-year': '' });
    expect(result).toMatchObject({ kind: 'valid', report: { asOf: undefined } });
  });

  it('names every field to correct, keeping what was typed', () => {
    const result = readProgressForm({ status: '', rag: 'purple', narrative: '  ', 'asOf-day': '3', 'asOf-month': '' });
    expect(result.kind).toBe('invalid');
    if (result.kind !== 'invalid') return;
    expect(result.errors).toEqual({
      status: 'Select the status of the action',
      rag: 'Select a RAG rating',
      narrative: 'Describe the progress made',
      'asOf-month': 'The date of the update must include a month and year',
    });
    expect(result.values).toEqual({
      status: '',
      rag: 'purple',
      narrative: '  ',
      asOf: { day: '3', month: '', year: '' },
    });
  });

  it('refuses a narrative over 10,000 characters', () => {
    const result = readProgressForm({ ...filled, narrative: 'x'.repeat(10_001) });
    expect(result).toMatchObject({
      kind: 'invalid',
      errors: { narrative: 'The progress must be 10,000 characters or fewer' },
    });
  });
});
