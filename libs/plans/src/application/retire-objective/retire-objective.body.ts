import { z } from 'zod';
import { longText } from '../shared/schemas.js';

/** Why an objective is retired: what `POST /api/v1/strategies/{strategyId}/objectives/{objectiveId}/retire` takes. */
export const retireObjectiveBody = z.strictObject({ reason: longText.nullable().optional() });
export type RetireObjectiveBody = z.output<typeof retireObjectiveBody>;
