/**
 * How often a council asks its action leads for progress, and when: e.g. quarterly, due on the
 * 15th of the month after each period ends. Periods run from the start of the council's year in
 * its quarter convention (January for `calendar`, April for `financial`), so a six-monthly or
 * annual cycle ends in March for a council on the UK financial year.
 */
export const UPDATE_FREQUENCIES = ['monthly', 'quarterly', 'six-monthly', 'annual'] as const;
export type UpdateFrequency = (typeof UPDATE_FREQUENCIES)[number];

export type UpdateCycle = {
  readonly frequency: UpdateFrequency;
  /** The day of the month after a period ends by which its update is due (1–28). */
  readonly dueDay: number;
  /** How many days before an update or a due date its leads are reminded (0–60). */
  readonly remindDaysBefore: number;
};

export const DEFAULT_UPDATE_CYCLE: UpdateCycle = { frequency: 'quarterly', dueDay: 15, remindDaysBefore: 7 };
