import { z } from 'zod';
import { storableText } from '@due-regard/shared-kernel';

/** A council to invite: what `POST /api/v1/forums/{forum}/invitations` takes. */
export const inviteCouncilBody = z.strictObject({
  council: storableText.min(1, 'Enter the council').max(63).describe("The council's slug (its sub-domain)"),
});
export type InviteCouncilBody = z.output<typeof inviteCouncilBody>;
