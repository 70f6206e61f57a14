import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { MetricsController } from './metrics.controller.js';
import { MetricsServer } from './metrics-server.js';
import { QueueMetrics } from './queue-metrics.js';

/**
 * Prometheus metrics: `/metrics` for platform admins and, with METRICS_PORT, a port of their own.
 * The figures: HTTP latency by route, queue jobs by state, event store append latency and group
 * size, projection position and lag per council (contributed by the projections), and Node's own.
 */
@Module({
  imports: [DiscoveryModule],
  controllers: [MetricsController],
  providers: [QueueMetrics, MetricsServer],
  exports: [QueueMetrics],
})
export class MetricsModule {}
