import { z } from 'zod';
import { storableText } from '@due-regard/shared-kernel';

/** A new forum: what `POST /api/v1/forums` takes. */
export const createForumBody = z.strictObject({
  slug: storableText.describe('Its address, /forums/<slug>: lowercase letters, digits and hyphens'),
  name: storableText.min(1, 'Enter the forum name').max(200),
  region: storableText.min(1, 'Enter the region').max(100),
  themes: z.array(storableText.max(100)).max(12).optional().describe('What the comparison groups objectives by'),
});
export type CreateForumBody = z.output<typeof createForumBody>;
