import { DEFAULT_UPDATE_CYCLE } from '@due-regard/shared-kernel';
import { parseDue } from './due.js';
import { cyclePeriodHolding, nextDue, nextUpdateDeadline, updateDue, type CouncilCalendar } from './next-due.js';

const calendarYear: CouncilCalendar = { cycle: DEFAULT_UPDATE_CYCLE, quarterConvention: 'calendar' };
const financialYear: CouncilCalendar = { cycle: DEFAULT_UPDATE_CYCLE, quarterConvention: 'financial' };
const today = '2025-05-20';
const dueOf = (text: string, on = today, calendar = calendarYear) =>
  nextDue(parseDue(text), 'in-progress', on, calendar);

describe('the next due date of an action', () => {
  it('is the date, the next milestone, or the end of the range', () => {
    expect(dueOf('June 2025')).toBe('2025-06-30');
    expect(dueOf('Sept 2024 and Sept 2025')).toBe('2025-09-30');
    expect(dueOf('Q1 2025 - Q3 2025')).toBe('2025-09-30');
    expect(dueOf('March 2025')).toBeNull();
  });

  it('steps recurring work on from the dates it names: "Annual – April 2025" is next due in April 2026', () => {
    expect(dueOf('Annual – April 2025')).toBe('2026-04-30');
    expect(dueOf('Annual – April 2025', '2025-04-10')).toBe('2025-04-30');
  });

  it("ends recurring work without dates with the current period of its frequency in the council's year", () => {
    expect(dueOf('Quarterly')).toBe('2025-06-30');
    expect(dueOf('Every six months')).toBe('2025-06-30');
    expect(dueOf('Every six months', today, financialYear)).toBe('2025-09-30');
    expect(dueOf('Annually')).toBe('2025-12-31');
    expect(dueOf('Annually', today, financialYear)).toBe('2026-03-31');
    expect(dueOf('Tri-annually')).toBe('2025-08-31');
  });

  it("gives ongoing work the council's next update deadline, or its review cadence", () => {
    expect(dueOf('Ongoing')).toBe('2025-07-15');
    expect(dueOf('Ongoing', '2025-04-10')).toBe('2025-04-15');
    expect(dueOf('Annual Review', today, financialYear)).toBe('2026-03-31');
  });

  it('is none for finished work and for a due nobody could read', () => {
    expect(nextDue(parseDue('June 2025'), 'completed', today, calendarYear)).toBeNull();
    expect(dueOf('When funding allows')).toBeNull();
  });
});

describe("the council's update cycle", () => {
  it('runs in periods from the start of its year, due on the 15th after each ends', () => {
    expect(cyclePeriodHolding('2025-05-20', calendarYear)).toEqual({ from: '2025-04-01', to: '2025-06-30' });
    expect(
      cyclePeriodHolding('2025-02-01', {
        ...financialYear,
        cycle: { ...DEFAULT_UPDATE_CYCLE, frequency: 'six-monthly' },
      }),
    ).toEqual({ from: '2024-10-01', to: '2025-03-31' });
    expect(nextUpdateDeadline('2025-07-16', calendarYear)).toBe('2025-10-15');
  });

  describe('an action without progress in the cycle', () => {
    const reported = (latestUpdateOn: string | null, on: string) =>
      updateDue({ status: 'in-progress', latestUpdateOn }, on, calendarYear);

    it('is "update due" after the period ends, until the 15th', () => {
      expect(reported('2025-01-10', '2025-04-03')).toEqual({
        status: 'due',
        by: '2025-04-15',
        period: { from: '2025-01-01', to: '2025-03-31' },
      });
    });

    it('is "update overdue" after the 15th', () => {
      expect(reported('2024-12-01', '2025-04-16')).toMatchObject({ status: 'overdue', by: '2025-04-15' });
      expect(reported(null, '2025-05-20')).toMatchObject({ status: 'overdue', by: '2025-04-15' });
    });

    it('is up to date with progress recorded since the deadline before, with the next deadline', () => {
      expect(reported('2025-02-10', '2025-04-03')).toMatchObject({ status: 'up-to-date', by: '2025-07-15' });
      expect(reported('2025-04-14', '2025-04-16')).toEqual({
        status: 'up-to-date',
        by: '2025-07-15',
        period: { from: '2025-04-01', to: '2025-06-30' },
      });
    });

    it('needs no update once finished or deferred', () => {
      expect(updateDue({ status: 'completed', latestUpdateOn: null }, today, calendarYear).status).toBe('not-needed');
      expect(updateDue({ status: 'deferred', latestUpdateOn: null }, today, calendarYear).status).toBe('not-needed');
    });
  });
});
