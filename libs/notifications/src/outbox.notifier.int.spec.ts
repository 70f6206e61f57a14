import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { OUTBOX_LIMIT, OutboxNotifier } from './outbox.notifier.js';

describe('the development outbox, on Redis', () => {
  let redis: Redis;
  const key = `test:dev-outbox:${randomUUID()}`;

  beforeAll(() => {
    redis = new Redis(process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379');
  });

  afterAll(async () => {
    await redis.del(key);
    await redis.quit();
  });

  it('keeps every message sent, newest first, readable by another instance, up to its limit', async () => {
    const sender = new OutboxNotifier(redis, key, () => new Date('2025-04-08T07:00:00Z'));
    const reader = new OutboxNotifier(redis, key);
    const first = await sender.send({
      to: 'lead@example.gov.uk',
      subject: 'Progress update due by 15 April 2025',
      body: 'Action 2.2 needs its quarterly update.',
      reference: 'update-due:a1:2025-04-15',
    });
    await sender.send({ to: 'lead@example.gov.uk', subject: 'Second', body: 'Body', reference: 'r2' });
    const messages = await reader.messages();
    expect(messages.map((message) => message.subject)).toEqual(['Second', 'Progress update due by 15 April 2025']);
    expect(messages[1]).toMatchObject({
      id: first.providerId,
      sentAt: '2025-04-08T07:00:00.000Z',
      to: 'lead@example.gov.uk',
    });

    for (let index = 0; index < OUTBOX_LIMIT; index += 1) {
      await sender.send({ to: 'x@example.gov.uk', subject: `Bulk ${index}`, body: '', reference: `bulk-${index}` });
    }
    expect(await reader.messages()).toHaveLength(OUTBOX_LIMIT);
  });
});
