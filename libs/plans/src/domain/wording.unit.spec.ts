import { PSED_AIMS } from './equality-reference.js';
import { thrownBy } from '@due-regard/testing';
import { optionalRef, optionalText, referenceKeys, requiredText, sameRef, tidy, tidyList } from './wording.js';

describe('wording pasted from council documents', () => {
  it('tidies whitespace from PDF text', () => {
    expect(tidy('  Equality Working\nGroup\t ')).toBe('Equality Working Group');
    expect(requiredText(' Enter ', 'title', 'Enter a title')).toBe('Enter');
    expect(thrownBy(() => requiredText(' \n', 'title', 'Enter a title'))).toMatchObject({
      code: 'title_required',
      field: 'title',
    });
  });

  it('keeps the line breaks of longer text, and blank is none', () => {
    expect(optionalText(' 1. Delivering WRAP training.\n2. Spotting the signs. ')).toBe(
      '1. Delivering WRAP training.\n2. Spotting the signs.',
    );
    expect(optionalText('  ')).toBeNull();
    expect(optionalText(null)).toBeNull();
  });

  it('compares references without regard to case or spacing', () => {
    expect(optionalRef(' PEO  1 ')).toBe('PEO 1');
    expect(optionalRef('')).toBeNull();
    expect(sameRef('PEO 1', 'peo1')).toBe(true);
    expect(sameRef('1.3', '1.30')).toBe(false);
    expect(sameRef(null, null)).toBe(false);
  });

  it('keeps each item of a list once, dropping blanks', () => {
    expect(tidyList(['Human Resources', ' human resources ', '', 'Equality Working Group'])).toEqual([
      'Human Resources',
      'Equality Working Group',
    ]);
  });

  it('checks keys against a reference list and returns them in its order', () => {
    const explain = (key: string) => `${key} is not an aim`;
    expect(
      referenceKeys(['foster-good-relations', 'eliminate-discrimination'], PSED_AIMS, 'psedAims', 'unknown', explain),
    ).toEqual(['eliminate-discrimination', 'foster-good-relations']);
    expect(
      thrownBy(() => referenceKeys(['be-kind'], PSED_AIMS, 'psedAims', 'unknown_psed_aim', explain)),
    ).toMatchObject({ code: 'unknown_psed_aim', field: 'psedAims', message: 'be-kind is not an aim' });
  });
});
