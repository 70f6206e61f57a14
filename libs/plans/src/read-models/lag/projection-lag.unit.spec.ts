import { START } from '@due-regard/event-store';
import { projectionLag } from './projection-lag.js';

describe('a council’s projection lag', () => {
  const now = new Date('2026-03-02T10:00:00Z');
  const checkpoint = { commit: 812n, prepare: 3n };

  it('is nothing when no event of the council waits after the checkpoint', () => {
    expect(projectionLag('charnwood', checkpoint, { count: 0, oldestRecordedAt: null }, now)).toEqual({
      council: 'charnwood',
      position: '812/3',
      eventsBehind: 0,
      oldestUnprojectedSeconds: null,
    });
  });

  it('counts the waiting events and ages the oldest from now', () => {
    const lag = projectionLag('leeds', START, { count: 7, oldestRecordedAt: new Date('2026-03-02T09:58:30Z') }, now);
    expect(lag).toMatchObject({ council: 'leeds', eventsBehind: 7, oldestUnprojectedSeconds: 90 });
  });

  it('reads an oldest event stamped after now (clocks apart) as no age, not a negative one', () => {
    const lag = projectionLag('leeds', START, { count: 1, oldestRecordedAt: new Date('2026-03-02T10:00:02Z') }, now);
    expect(lag.oldestUnprojectedSeconds).toBe(0);
  });
});
