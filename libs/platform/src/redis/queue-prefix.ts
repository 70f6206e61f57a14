/**
 * The default of REDIS_KEY_PREFIX: every BullMQ queue of the platform (its producers in the API and
 * its consumers in the worker) keeps its keys under the configured prefix, apart from anything else
 * sharing the Redis. Queues take it from `RedisConnection.queueOptions()`, never from here.
 */
export const QUEUE_PREFIX = 'due-regard';
