import { RequestValidationError } from '@due-regard/platform';
import { entityTag, parseIfMatch } from './if-match.js';

function refusal(header: string): RequestValidationError {
  try {
    parseIfMatch(header);
  } catch (error) {
    if (error instanceof RequestValidationError) return error;
    throw error;
  }
  throw new Error(`${header} was accepted`);
}

describe('reading If-Match', () => {
  it.each([
    ['"3"', 3],
    ['W/"3"', 3],
    ['  "12"  ', 12],
    ['"0"', 0],
  ])('reads %s as version %d', (header, version) => {
    expect(parseIfMatch(header)).toBe(version);
  });

  it('names no version when the header is absent, empty or *', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('')).toBeUndefined();
    expect(parseIfMatch('*')).toBeUndefined();
  });

  it.each(['3', '"three"', '"-1"', 'W/3', '"3', '"3" ,"4"', 'w/"3"', '"1.5"'])(
    'refuses %s, naming the header',
    (header) => {
      expect(refusal(header).fieldErrors).toEqual([
        expect.objectContaining({ in: 'header', field: 'If-Match', pointer: '#/If-Match' }),
      ]);
    },
  );

  it('reads the joined values when a client sends the header twice, and refuses the list', () => {
    expect(() => parseIfMatch(['"3"', '"4"'])).toThrow(RequestValidationError);
    expect(parseIfMatch(['"5"'])).toBe(5);
  });

  it('writes a version as a strong entity tag', () => {
    expect(entityTag(7)).toBe('"7"');
  });
});
