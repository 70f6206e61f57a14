import type { Decider, DomainEvent } from '@due-regard/shared-kernel';

/**
 * A person's choice, in one council, whether the service emails them reminders. On unless they
 * turned it off. A stream per person and council; saying again what is already so records nothing.
 */
export type SetReminderPreference = { readonly type: 'SetReminderPreference'; readonly enabled: boolean };

export type RemindersTurnedOff = DomainEvent<'RemindersTurnedOff', Record<string, never>>;
export type RemindersTurnedOn = DomainEvent<'RemindersTurnedOn', Record<string, never>>;
export type ReminderPreferenceEvent = RemindersTurnedOff | RemindersTurnedOn;

export type ReminderPreferenceState = { readonly enabled: boolean };

export const reminderPreferenceDecider: Decider<
  SetReminderPreference,
  ReminderPreferenceEvent,
  ReminderPreferenceState
> = {
  eventTypes: ['RemindersTurnedOff', 'RemindersTurnedOn'],
  initialState: () => ({ enabled: true }),
  decide(command, state) {
    if (command.enabled === state.enabled) return [];
    return [{ type: command.enabled ? 'RemindersTurnedOn' : 'RemindersTurnedOff', data: {} }];
  },
  evolve(_state, event) {
    return { enabled: event.type === 'RemindersTurnedOn' };
  },
};
