import { z } from 'zod';
import { storableText } from '@due-regard/shared-kernel';
import { EFLG_MODULES, PSED_AIMS } from '../../domain/equality-reference.js';
import { OBJECTIVE_GROUP_KINDS } from '../../domain/strategy.js';
import { longText, objectiveRef, titleText } from '../shared/schemas.js';

const objectiveGroupSchema = z
  .strictObject({ kind: z.enum(OBJECTIVE_GROUP_KINDS), title: storableText.min(1).max(300) })
  .describe('What the objective is grouped under, e.g. a pillar or a priority');

/** A new objective of a strategy: what `POST /api/v1/strategies/{strategyId}/objectives` and the web's form take. */
export const addObjectiveBody = z.strictObject({
  ref: objectiveRef.optional(),
  title: titleText('Enter the objective'),
  description: longText.nullable().optional(),
  psedAims: z.array(z.enum(PSED_AIMS)).max(PSED_AIMS.length).optional().describe('The PSED aims it serves'),
  eflgModules: z
    .array(z.enum(EFLG_MODULES))
    .max(EFLG_MODULES.length)
    .optional()
    .describe('Equality Framework for Local Government modules it serves'),
  group: objectiveGroupSchema.nullable().optional(),
});
export type AddObjectiveBody = z.output<typeof addObjectiveBody>;
