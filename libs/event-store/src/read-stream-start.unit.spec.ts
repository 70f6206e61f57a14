import { readStreamStartsAfter } from './read-stream-start.js';

describe('where a stream read starts', () => {
  it('starts after the version given, from the first event without one', () => {
    expect(readStreamStartsAfter({})).toBe(0);
    expect(readStreamStartsAfter({ afterVersion: 0 })).toBe(0);
    expect(readStreamStartsAfter({ afterVersion: 50, toInstant: new Date() })).toBe(50);
  });

  it('refuses what is not a stream version', () => {
    for (const afterVersion of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(() => readStreamStartsAfter({ afterVersion })).toThrow(RangeError);
    }
  });
});
