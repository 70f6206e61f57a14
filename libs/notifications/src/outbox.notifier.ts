import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { Notifier, type EmailMessage, type Sent } from './notifier.js';

/** A message kept in the development outbox, as the service would have sent it. */
export interface OutboxMessage extends EmailMessage {
  readonly id: string;
  readonly sentAt: string;
}

/** How many messages the outbox keeps, newest first. */
export const OUTBOX_LIMIT = 500;

/**
 * Development only: every message the service would have sent, kept in Redis (so the worker's
 * messages are read by the API) and read at `GET /api/v1/dev/outbox` and on the outbox page.
 */
export class OutboxNotifier extends Notifier {
  readonly channel = 'outbox';

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
  }

  async send(message: EmailMessage): Promise<Sent> {
    const kept: OutboxMessage = { ...message, id: randomUUID(), sentAt: this.now().toISOString() };
    await this.redis
      .multi()
      .lpush(this.key, JSON.stringify(kept))
      .ltrim(this.key, 0, OUTBOX_LIMIT - 1)
      .exec();
    return { providerId: kept.id };
  }

  /** Newest first. */
  async messages(): Promise<OutboxMessage[]> {
    const entries = await this.redis.lrange(this.key, 0, OUTBOX_LIMIT - 1);
    return entries.map((entry) => JSON.parse(entry) as OutboxMessage);
  }
}
