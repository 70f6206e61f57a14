import type { z } from 'zod';
import { addObjectiveBody } from '../add-objective/add-objective.body.js';

/** What changes of an objective (any of the fields it was added with): what `PATCH .../objectives/{objectiveId}` takes. */
export const reviseObjectiveBody = addObjectiveBody
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'Say what to change' });
export type ReviseObjectiveBody = z.output<typeof reviseObjectiveBody>;
