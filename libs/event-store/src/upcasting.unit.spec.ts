import { Upcasters } from './upcasting.js';

describe('upcasters', () => {
  const upcasters = new Upcasters([
    { eventType: 'ActionAdded', fromSchemaVersion: 1, upcast: (data) => ({ ...data, leads: [] }) },
    {
      eventType: 'ActionAdded',
      fromSchemaVersion: 2,
      upcast: ({ due, ...rest }) => ({ ...rest, due: { text: due ?? null } }),
    },
  ]);

  it('chains upcasters from the stored version to the newest', () => {
    expect(upcasters.apply('ActionAdded', 1, { title: 'Train managers', due: 'June 2024' })).toEqual({
      schemaVersion: 3,
      data: { title: 'Train managers', leads: [], due: { text: 'June 2024' } },
    });
    expect(upcasters.apply('ActionAdded', 2, { due: 'Ongoing' })).toEqual({
      schemaVersion: 3,
      data: { due: { text: 'Ongoing' } },
    });
  });

  it('leaves current versions and other types alone', () => {
    const data = { title: 'x' };
    expect(upcasters.apply('ActionAdded', 3, data)).toEqual({ schemaVersion: 3, data });
    expect(upcasters.apply('ProgressRecorded', 1, data)).toEqual({ schemaVersion: 1, data });
  });

  it('refuses two upcasters for the same type and version', () => {
    expect(() => upcasters.register({ eventType: 'ActionAdded', fromSchemaVersion: 1, upcast: (d) => d })).toThrow(
      'Two upcasters for ActionAdded@1',
    );
  });
});
