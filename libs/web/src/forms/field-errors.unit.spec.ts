import { z } from 'zod';
import { addActionBody, recordProgressBody } from '@due-regard/plans';
import { DomainRuleViolation } from '@due-regard/shared-kernel';
import { errorSummary, fieldErrorsFromRule, fieldErrorsFromZod, FORM_ERROR, inUkDates } from './field-errors.js';

describe('form errors', () => {
  it("maps the API schema's issues to the form's fields, first issue per field, with the form's own messages", () => {
    const parsed = recordProgressBody.safeParse({ status: 'finished', narrative: '', asOf: undefined });
    if (parsed.success) throw new Error('expected the body to be refused');
    expect(fieldErrorsFromZod(parsed.error.issues, { status: { default: 'Select the status of the action' } })).toEqual(
      { status: 'Select the status of the action', narrative: 'Describe the progress made' },
    );
  });

  it("keeps the message of text that cannot be stored, over the form's own messages for the field", () => {
    const parsed = addActionBody.safeParse({
      ref: null,
      objectiveId: '0190f3c2-7d1e-7abc-8def-0123456789ab',
      title: 'Publish the report',
      due: 'March 2025',
      leads: ['Human Resources', 'Po\u0000licy'],
    });
    if (parsed.success) throw new Error('expected the body to be refused');
    expect(
      fieldErrorsFromZod(parsed.error.issues, { leads: { default: 'Enter up to 50 teams, one per line' } }),
    ).toEqual({
      leads: 'Leads item 2 must not contain control characters such as NUL: remove the U+0000 (NUL) at character 3',
    });
  });

  it('uses a message for one issue code only where one is given, and maps fields to their ids', () => {
    const schema = z.object({ due: z.string().min(1, 'Enter the due').max(3), asOf: z.iso.date() });
    const tooLong = schema.safeParse({ due: 'May 2026', asOf: 'soon' });
    if (tooLong.success) throw new Error('expected the body to be refused');
    expect(fieldErrorsFromZod(tooLong.error.issues, { due: { too_big: 'Too long' } }, { asOf: 'asOf-day' })).toEqual({
      due: 'Too long',
      'asOf-day': expect.any(String) as unknown,
    });
    const empty = schema.safeParse({ due: '', asOf: '2025-01-01' });
    if (empty.success) throw new Error('expected the body to be refused');
    expect(fieldErrorsFromZod(empty.error.issues, { due: { too_big: 'Too long' } })).toEqual({ due: 'Enter the due' });
  });

  it('lists errors in the order of the form, each linking to its field, and a form-wide one linking nowhere', () => {
    expect(
      errorSummary({ narrative: 'Describe it', status: 'Select one', [FORM_ERROR]: 'The plan is closed' }, [
        'status',
        'narrative',
      ]),
    ).toEqual([
      { text: 'Select one', href: '#status' },
      { text: 'Describe it', href: '#narrative' },
      { text: 'The plan is closed' },
    ]);
  });

  it("puts a rule's refusal on the field it names, or on the form when the form has no such field", () => {
    const dated = new DomainRuleViolation(
      'The latest update of this action is dated 2024-10-01: date this one then or later',
      'dated_before_latest_update',
      'asOf',
    );
    expect(fieldErrorsFromRule(dated, { asOf: 'asOf-day' })).toEqual({
      'asOf-day': 'The latest update of this action is dated 1 October 2024: date this one then or later',
    });
    const closed = new DomainRuleViolation('This action plan is closed', 'plan_closed');
    expect(fieldErrorsFromRule(closed, { asOf: 'asOf-day' })).toEqual({ [FORM_ERROR]: 'This action plan is closed' });
    const elsewhere = new DomainRuleViolation('No such objective', 'unknown_objective', 'objectiveId');
    expect(fieldErrorsFromRule(elsewhere, { asOf: 'asOf-day' })).toEqual({ [FORM_ERROR]: 'No such objective' });
  });

  it('writes ISO dates in messages as UK dates', () => {
    expect(inUkDates('within 2024-04-01 to 2028-03-31')).toBe('within 1 April 2024 to 31 March 2028');
  });
});
