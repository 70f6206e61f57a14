import { Queue } from 'bullmq';
import { ACCREDITATIONS_QUEUE, SWEEP_JOB, SWEEP_SCHEDULER_ID } from '@due-regard/accreditations';
import { createBackgroundApplication, loadConfig, QUEUE_PREFIX } from '@due-regard/platform';
import { createTestDatabase, testEnvironment } from '@due-regard/testing';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';

// A Redis database of its own, so that the scheduler seen is this worker's.
const REDIS_URL = `${process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'}/8`;

/**
 * The worker alone, as `npm run start:worker` runs it (no API, no identity module): the
 * accreditations jobs bring their own request context and write path, and it schedules the sweep.
 */
describe('the worker on its own', () => {
  it('starts with the accreditations queue and upserts its one daily sweep scheduler', async () => {
    const database = await createTestDatabase('dr_worker');
    const queue = new Queue(ACCREDITATIONS_QUEUE, { connection: { url: REDIS_URL }, prefix: QUEUE_PREFIX });
    // Left by an earlier run: removed, so that only this start can have put it there.
    await queue.removeJobScheduler(SWEEP_SCHEDULER_ID);
    expect(await queue.getJobScheduler(SWEEP_SCHEDULER_ID)).toBeUndefined();
    const config = loadConfig(testEnvironment(database.url, { REDIS_URL }));
    const app = await createBackgroundApplication(config, [WorkerModule]);
    try {
      expect(await queue.getJobScheduler(SWEEP_SCHEDULER_ID)).toMatchObject({ name: SWEEP_JOB });
    } finally {
      await queue.close();
      await app.close();
      await database.drop();
    }
  });
});
