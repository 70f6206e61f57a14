import { checkedValues, formBody, formVersion, linesOf, textField } from './form-body.js';

describe('reading a posted form', () => {
  it('reads text fields as typed, with Windows line endings made plain', () => {
    const body = formBody({ narrative: 'First line\r\nSecond line', count: 3 });
    expect(textField(body, 'narrative')).toBe('First line\nSecond line');
    expect(textField(body, 'count')).toBe('');
    expect(textField(body, 'missing')).toBe('');
    expect(formBody('not a form')).toEqual({});
  });

  it('reads none, one or several checked boxes of one name', () => {
    expect(checkedValues({}, 'psedAims')).toEqual([]);
    expect(checkedValues({ psedAims: 'foster-good-relations' }, 'psedAims')).toEqual(['foster-good-relations']);
    expect(checkedValues({ psedAims: ['a', 'b', 4] }, 'psedAims')).toEqual(['a', 'b']);
  });

  it('reads one item per line, leaving out blank lines', () => {
    expect(linesOf('Human Resources\n\n  Equality Working Group  \n')).toEqual([
      'Human Resources',
      'Equality Working Group',
    ]);
  });

  it("reads the form's version, and nothing that is not a version", () => {
    expect(formVersion({ version: '12' })).toBe(12);
    expect(formVersion({ version: '' })).toBeUndefined();
    expect(formVersion({ version: '1; drop' })).toBeUndefined();
    expect(formVersion({})).toBeUndefined();
  });
});
