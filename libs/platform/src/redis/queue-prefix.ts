/**
 * Every BullMQ queue of the platform (its producers in the API and its consumers in the worker)
 * keeps its keys under this prefix, apart from anything else sharing the Redis.
 */
export const QUEUE_PREFIX = 'due-regard';
