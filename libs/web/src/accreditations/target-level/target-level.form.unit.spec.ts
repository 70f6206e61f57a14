import { readTargetLevelForm } from './target-level.form.js';

describe('the target-level form', () => {
  it('reads a level, or no target', () => {
    expect(readTargetLevelForm({ targetLevel: '3' })).toEqual({ kind: 'valid', targetLevel: 3 });
    expect(readTargetLevelForm({ targetLevel: 'none' })).toEqual({ kind: 'valid', targetLevel: null });
  });

  it('asks for a choice when none, or one that is no level, was sent', () => {
    const missing = { kind: 'invalid', errors: { targetLevel: 'Select the level the council aims for, or no target' } };
    expect(readTargetLevelForm({})).toEqual(missing);
    expect(readTargetLevelForm({ targetLevel: 'gold' })).toEqual(missing);
    expect(readTargetLevelForm({ targetLevel: '0' })).toEqual(missing);
  });
});
