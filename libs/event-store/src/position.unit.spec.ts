import { comparePositions, formatPosition, parsePosition, START } from './position.js';

describe('global positions', () => {
  it('orders by commit, then prepare', () => {
    expect(comparePositions({ commit: 5n, prepare: 900n }, { commit: 6n, prepare: 1n })).toBe(-1);
    expect(comparePositions({ commit: 6n, prepare: 2n }, { commit: 6n, prepare: 1n })).toBe(1);
    expect(comparePositions({ commit: 6n, prepare: 1n }, { commit: 6n, prepare: 1n })).toBe(0);
    expect(comparePositions(START, { commit: 0n, prepare: 1n })).toBe(-1);
  });

  it('round-trips through its text form', () => {
    const position = { commit: 18446744073709551615n, prepare: 42n };
    expect(formatPosition(position)).toBe('18446744073709551615/42');
    expect(parsePosition(formatPosition(position))).toEqual(position);
  });

  it('refuses text that is not a position', () => {
    expect(() => parsePosition('42')).toThrow('"42" is not a global position');
    expect(() => parsePosition('-1/2')).toThrow();
  });
});
