import { uuidV7Ids, type IdGenerator } from '@due-regard/event-store';

/**
 * Where new strategy, objective, plan and action ids come from (UUIDv7): a port, so that tests can
 * pin them. The domain never makes ids; handlers take them from here.
 */
export const PLAN_IDS = Symbol('PlanIds');

export type { IdGenerator };
export const uuidV7PlanIds: IdGenerator = uuidV7Ids;
