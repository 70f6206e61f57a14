import { quarterConventionItems, quarterConventionWords, readSettingsForm } from './council-settings.form.js';

describe('the council settings form', () => {
  it('reads a chosen quarter convention', () => {
    expect(readSettingsForm({ quarterConvention: 'financial' })).toEqual({
      kind: 'valid',
      quarterConvention: 'financial',
    });
    expect(readSettingsForm({ quarterConvention: 'calendar' })).toEqual({
      kind: 'valid',
      quarterConvention: 'calendar',
    });
  });

  it('asks for a choice when none, or one it does not know, was sent', () => {
    const missing = { kind: 'invalid', errors: { quarterConvention: 'Select how your council numbers quarters' } };
    expect(readSettingsForm({})).toEqual(missing);
    expect(readSettingsForm({ quarterConvention: 'academic' })).toEqual(missing);
    expect(readSettingsForm({ quarterConvention: ['calendar', 'financial'] })).toEqual(missing);
  });

  it('checks the radio of the current setting, and words it for the summary', () => {
    expect(quarterConventionItems('financial').map((item) => [item.value, item.checked])).toEqual([
      ['calendar', false],
      ['financial', true],
    ]);
    expect(quarterConventionItems(null).some((item) => item.checked)).toBe(false);
    expect(quarterConventionWords('financial')).toBe('Financial year (Q1 is April to June)');
  });
});
