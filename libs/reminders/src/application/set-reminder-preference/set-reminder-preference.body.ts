import { z } from 'zod';

/** What `PUT /api/v1/me/reminders` and the web's form take: whether the person wants reminders. */
export const setReminderPreferenceBody = z.strictObject({
  enabled: z.boolean({ error: 'Say whether you want reminders: true or false' }),
});
export type SetReminderPreferenceBody = z.output<typeof setReminderPreferenceBody>;
