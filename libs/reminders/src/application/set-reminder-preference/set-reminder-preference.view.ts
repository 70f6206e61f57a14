import { z } from 'zod';

/** What GET and PUT /api/v1/me/reminders answer: whether the person is emailed reminders. */
export const reminderPreferenceSchema = z.object({
  enabled: z.boolean().describe('Whether the service emails you reminders'),
});
export type ReminderPreferenceView = z.output<typeof reminderPreferenceSchema>;
