import { scenario } from '@due-regard/testing';
import { reminderPreferenceDecider, type RemindersTurnedOff } from './reminder-preference.js';

const given = scenario(reminderPreferenceDecider);
const off: RemindersTurnedOff = { type: 'RemindersTurnedOff', data: {} };

describe("a person's reminders", () => {
  it('Given nothing chosen, When they turn reminders off, Then it is recorded', () => {
    given().when({ type: 'SetReminderPreference', enabled: false }).then(off);
  });

  it('Given nothing chosen, When they turn reminders on, Then nothing is recorded: they are on already', () => {
    given().when({ type: 'SetReminderPreference', enabled: true }).thenNothingHappens();
  });

  it('Given turned off, When they turn them off again, Then nothing is recorded', () => {
    given(off).when({ type: 'SetReminderPreference', enabled: false }).thenNothingHappens();
  });

  it('Given turned off, When they turn them on, Then it is recorded', () => {
    given(off).when({ type: 'SetReminderPreference', enabled: true }).then({ type: 'RemindersTurnedOn', data: {} });
  });
});
