import type { Decider, DomainEvent } from '@due-regard/shared-kernel';
import type { CalendarDate } from './calendar-date.js';

/**
 * Reminders to an action's lead team: of a progress update owed in the council's cycle, or of the
 * work's own due date, a set number of days before. Each reminder is keyed by what it is about
 * (the action, the kind, the date it is about) and is a stream of its own: the first sweep that
 * finds it in its window records `ReminderSent`; any later sweep, the same day or a later one,
 * finds it sent and records nothing. Who it went to is never in the event: only how many.
 */
export const REMINDER_KINDS = ['update-due', 'work-due'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export type ReminderKey = {
  readonly actionId: string;
  readonly kind: ReminderKind;
  /** The update deadline or the due date the reminder is about. */
  readonly dueOn: CalendarDate;
};

export type SendReminder = {
  readonly type: 'SendReminder';
  readonly key: ReminderKey;
  /** The day of the sweep that found it. */
  readonly sentOn: CalendarDate;
  readonly recipients: number;
};

export type ReminderSent = DomainEvent<
  'ReminderSent',
  ReminderKey & { readonly sentOn: CalendarDate; readonly recipients: number }
>;

export type ReminderState = { readonly status: 'none' } | { readonly status: 'sent'; readonly sentOn: CalendarDate };

export const reminderDecider: Decider<SendReminder, ReminderSent, ReminderState> = {
  eventTypes: ['ReminderSent'],
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    if (state.status === 'sent') return [];
    const { key, sentOn, recipients } = command;
    return [{ type: 'ReminderSent', data: { ...key, sentOn, recipients } }];
  },
  evolve(_state, event) {
    return { status: 'sent', sentOn: event.data.sentOn };
  },
};

/** The reminder's own stream id within its council: what makes it once only. */
export function reminderId(key: ReminderKey): string {
  return `${key.actionId}_${key.kind}_${key.dueOn}`;
}

/** What the planner reads of an action: when its update is owed and when the work is next due. */
export type RemindableAction = {
  readonly actionId: string;
  readonly nextDue: CalendarDate | null;
  readonly updateDue: {
    readonly status: 'up-to-date' | 'due' | 'overdue' | 'not-needed';
    readonly by: CalendarDate | null;
  };
};

/**
 * The reminders whose window holds `asOf`: from `daysBefore` days before the date to the date
 * itself. A window, not a single day, so that a sweep that missed days (the worker was down)
 * still sends what fell due meanwhile; the reminder's stream keeps it to once.
 */
export function remindersInWindow(
  actions: readonly RemindableAction[],
  asOf: CalendarDate,
  daysBefore: number,
  addDays: (date: CalendarDate, days: number) => CalendarDate,
): ReminderKey[] {
  const inWindow = (date: CalendarDate) => addDays(date, -daysBefore) <= asOf && asOf <= date;
  return actions.flatMap((action) => {
    const keys: ReminderKey[] = [];
    const { status, by } = action.updateDue;
    // An update recorded for the cycle needs no reminder; one overdue is past its window.
    if (status === 'due' && by !== null && inWindow(by)) {
      keys.push({ actionId: action.actionId, kind: 'update-due', dueOn: by });
    }
    if (action.nextDue !== null && inWindow(action.nextDue)) {
      keys.push({ actionId: action.actionId, kind: 'work-due', dueOn: action.nextDue });
    }
    return keys;
  });
}
