import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AppendObserver } from '@due-regard/event-store';

/**
 * The process's Prometheus metrics. One registry per application (not prom-client's global one), so
 * that two apps in one process (tests) keep their own figures. Contributions (queues, projections)
 * add their gauges to `registry` with a `collect()` that reads the figures when scraped.
 */
export class Metrics implements AppendObserver {
  readonly registry = new Registry();

  private readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by route (the route pattern, not the path), method and status, and how long they took.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  private readonly appendDuration = new Histogram({
    name: 'event_store_append_duration_seconds',
    help: "A command's append, from reaching the event store to being durable (waiting for its group included).",
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });

  private readonly groupCommands = new Histogram({
    name: 'event_store_group_commit_commands',
    help: 'How many commands each event store transaction combined (group commit).',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128],
    registers: [this.registry],
  });

  private readonly groupEvents = new Histogram({
    name: 'event_store_group_commit_events',
    help: 'How many events each event store transaction wrote.',
    buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  requestServed(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
  }

  appendCommitted(seconds: number): void {
    this.appendDuration.observe(seconds);
  }

  batchWritten(commands: number, events: number): void {
    this.groupCommands.observe(commands);
    this.groupEvents.observe(events);
  }

  /** The text exposition format, and its content type. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
