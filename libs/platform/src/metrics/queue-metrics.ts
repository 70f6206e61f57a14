import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Queue } from 'bullmq';
import { Gauge } from 'prom-client';
import { Metrics } from './metrics.js';

const JOB_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized'] as const;

/**
 * Every BullMQ queue this application registered (found among its providers, whichever context
 * owns it): its jobs by state, read from Redis when the metrics are scraped. A failed count that
 * grows is the alarm; the queue dashboard says why.
 */
@Injectable()
export class QueueMetrics implements OnApplicationBootstrap {
  private queues: Queue[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    metrics: Metrics,
  ) {
    const queues = (): readonly Queue[] => this.queues;
    new Gauge({
      name: 'queue_jobs',
      help: 'Jobs in each BullMQ queue by state (failed: kept for inspection; completed: kept a while).',
      labelNames: ['queue', 'state'] as const,
      registers: [metrics.registry],
      async collect() {
        this.reset();
        for (const queue of queues()) {
          const counts = await queue.getJobCounts(...JOB_STATES);
          for (const state of JOB_STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
        }
      },
    });
  }

  onApplicationBootstrap(): void {
    const found = new Map<string, Queue>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.isDependencyTreeStatic() ? wrapper.instance : undefined;
      if (instance instanceof Queue) found.set(instance.name, instance as Queue);
    }
    this.queues = [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The queues found, for the admin pages' dashboard. */
  all(): readonly Queue[] {
    return this.queues;
  }
}
