import { scenario } from '@due-regard/testing';
import {
  reminderDecider,
  reminderId,
  remindersInWindow,
  type RemindableAction,
  type ReminderSent,
} from './reminder.js';

const given = scenario(reminderDecider);

function addDays(date: string, days: number): string {
  const moved = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);
  return moved.toISOString().slice(0, 10);
}
const key = { actionId: 'a1', kind: 'update-due', dueOn: '2025-04-15' } as const;
const sent: ReminderSent = { type: 'ReminderSent', data: { ...key, sentOn: '2025-04-08', recipients: 3 } };

describe('a reminder', () => {
  it('Given none sent, When a sweep sends it, Then it is recorded with how many it went to (never who)', () => {
    given().when({ type: 'SendReminder', key, sentOn: '2025-04-08', recipients: 3 }).then(sent);
  });

  it('Given it was sent, When a sweep finds it again, Then nothing is recorded', () => {
    given(sent).when({ type: 'SendReminder', key, sentOn: '2025-04-09', recipients: 3 }).thenNothingHappens();
  });
});

/**
 * The daily sweep as the scheduler runs it, over an in-memory event log folded by the decider:
 * each day, the reminders in their window are decided on their own streams; what they decide is
 * appended. Returns what each run raised.
 */
function sweeper(actions: readonly RemindableAction[], daysBefore = 7) {
  const streams = new Map<string, ReminderSent[]>();
  return (asOf: string): string[] =>
    remindersInWindow(actions, asOf, daysBefore, addDays).flatMap((found) => {
      const stream = reminderId(found);
      const state = (streams.get(stream) ?? []).reduce(reminderDecider.evolve, reminderDecider.initialState());
      const events = reminderDecider.decide({ type: 'SendReminder', key: found, sentOn: asOf, recipients: 1 }, state);
      streams.set(stream, [...(streams.get(stream) ?? []), ...events]);
      return events.map(
        (event) => `${event.data.kind} ${event.data.actionId} for ${event.data.dueOn} on ${event.data.sentOn}`,
      );
    });
}

describe('the daily reminders sweep', () => {
  const actions: RemindableAction[] = [
    { actionId: 'a1', nextDue: '2025-06-30', updateDue: { status: 'due', by: '2025-04-15' } },
    { actionId: 'a2', nextDue: '2025-04-12', updateDue: { status: 'up-to-date', by: '2025-07-15' } },
    { actionId: 'a3', nextDue: null, updateDue: { status: 'overdue', by: '2025-01-15' } },
  ];

  it('sends each reminder once, on the first day of its window, however often a day is run', () => {
    const sweep = sweeper(actions);
    expect(sweep('2025-04-04')).toEqual([]);
    expect(sweep('2025-04-05')).toEqual(['work-due a2 for 2025-04-12 on 2025-04-05']);
    expect(sweep('2025-04-05')).toEqual([]);
    expect(sweep('2025-04-08')).toEqual(['update-due a1 for 2025-04-15 on 2025-04-08']);
    expect(sweep('2025-04-08')).toEqual([]);
    expect(sweep('2025-04-09')).toEqual([]);
    expect(sweep('2025-04-15')).toEqual([]);
  });

  it('catches up a missed day: what fell due while the sweep did not run is sent on the next run, once', () => {
    const sweep = sweeper(actions);
    // Nothing ran from 1 to 10 April.
    expect(sweep('2025-04-11')).toEqual([
      'update-due a1 for 2025-04-15 on 2025-04-11',
      'work-due a2 for 2025-04-12 on 2025-04-11',
    ]);
    expect(sweep('2025-04-12')).toEqual([]);
  });

  it('does not send a reminder whose date has passed before any sweep ran, nor one for an overdue update', () => {
    const sweep = sweeper(actions);
    expect(sweep('2025-04-16')).toEqual([]);
    expect(sweep('2025-06-23')).toEqual(['work-due a1 for 2025-06-30 on 2025-06-23']);
  });
});
