import { z } from 'zod';
import { storableText } from '@due-regard/shared-kernel';

/** What `PUT /api/v1/forums/{forum}/settings` takes; a setting left out stays as it is. */
export const changeComparisonSettingsBody = z.strictObject({
  themes: z.array(storableText.max(100)).max(12).optional(),
  showNames: z
    .boolean()
    .optional()
    .describe('Whether councils are named beside their figures to forum members and councils'),
});
export type ChangeComparisonSettingsBody = z.output<typeof changeComparisonSettingsBody>;
