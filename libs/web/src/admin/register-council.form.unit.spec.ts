import { ageInWords } from './admin-pages.controller.js';
import { choiceItems, readRegisterCouncilForm } from './register-council.form.js';

describe('the register-a-council form', () => {
  const valid = {
    slug: ' rutland ',
    name: 'Rutland County Council',
    type: 'unitary',
    nation: 'England',
    region: 'East Midlands',
  };

  it('reads a complete form as the API body, the sub-domain trimmed', () => {
    expect(readRegisterCouncilForm(valid)).toEqual({
      kind: 'valid',
      council: {
        slug: 'rutland',
        name: 'Rutland County Council',
        type: 'unitary',
        nation: 'England',
        region: 'East Midlands',
      },
    });
  });

  it('puts an error on each field that is missing or not one of the choices', () => {
    const form = readRegisterCouncilForm({ name: '', type: 'parish', nation: '', region: '' });
    expect(form).toEqual({
      kind: 'invalid',
      errors: {
        slug: 'Enter the sub-domain, for example charnwood',
        name: 'Enter the council name',
        type: 'Select the type of council',
        nation: 'Select the nation the council is in',
        region: 'Enter the region',
      },
    });
  });

  it('keeps text that cannot be stored out, with its own message', () => {
    const form = readRegisterCouncilForm({ ...valid, name: 'Rutland\u0000' });
    expect(form.kind).toBe('invalid');
    expect(form.kind === 'invalid' ? Object.keys(form.errors) : []).toEqual(['name']);
  });

  it('selects the chosen option, and the blank one when none was chosen', () => {
    expect(choiceItems(['England', 'Wales'], 'Wales').filter((item) => item.selected)).toEqual([
      { value: 'Wales', text: 'Wales', selected: true },
    ]);
    expect(choiceItems(['England', 'Wales'], '')[0]).toEqual({ value: '', text: 'Choose…', selected: true });
  });

  it('words how old the oldest waiting event is', () => {
    expect(ageInWords(null)).toBe('–');
    expect(ageInWords(12.4)).toBe('12 seconds');
    expect(ageInWords(180)).toBe('3 minutes');
    expect(ageInWords(7200)).toBe('2 hours');
  });
});
