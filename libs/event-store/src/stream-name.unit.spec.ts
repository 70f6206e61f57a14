import { InvalidEventError } from './errors.js';
import { parseStreamName, streamName } from './stream-name.js';

describe('stream names', () => {
  it('puts the category before the first hyphen and keeps the tenant', () => {
    const name = streamName('action', 'north-east-lincolnshire', '0190f3c2-7d1e-7abc-8def-0123456789ab');
    expect(name).toBe('action-north-east-lincolnshire.0190f3c2-7d1e-7abc-8def-0123456789ab');
    expect(name.split('-')[0]).toBe('action');
    expect(parseStreamName(name)).toEqual({
      category: 'action',
      tenantId: 'north-east-lincolnshire',
      entityId: '0190f3c2-7d1e-7abc-8def-0123456789ab',
    });
  });

  it.each([
    ['Action', 'charnwood', 'x'],
    ['action', 'Charnwood', 'x'],
    ['action', 'charnwood--x', 'x'],
    ['action', 'charnwood', 'a.b'],
    ['action', 'charnwood', ''],
  ])('refuses category %p, tenant %p, entity %p', (category, tenant, entity) => {
    expect(() => streamName(category, tenant, entity)).toThrow(InvalidEventError);
  });

  it.each(['plan', 'plan-charnwood', 'plan-.x', '-charnwood.x', 'plan-charnwood.'])('refuses to parse %p', (name) => {
    expect(() => parseStreamName(name)).toThrow(InvalidEventError);
  });
});
