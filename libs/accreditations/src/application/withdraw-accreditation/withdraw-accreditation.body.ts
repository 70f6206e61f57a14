import { z } from 'zod';
import { storableText } from '@due-regard/shared-kernel';

/** The council leaves a scheme: what `POST /api/v1/accreditations/{scheme}/withdrawal` and the web's form take. */
export const withdrawAccreditationBody = z.strictObject({
  withdrawnOn: z.iso.date('Enter the date, such as 2025-03-31').optional().describe('Left out: today'),
  reason: storableText.trim().min(1, 'Say why the council is withdrawing').max(2000),
});
export type WithdrawAccreditationBody = z.output<typeof withdrawAccreditationBody>;
