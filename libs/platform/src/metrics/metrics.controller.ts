import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { PlatformAccess } from '@due-regard/identity';
import { Metrics } from './metrics.js';

/**
 * Prometheus metrics on the main port, for a platform admin (a scraper inside the cluster uses
 * METRICS_PORT instead). Never public: route names, queue names and councils' lag are operational
 * detail.
 */
@Controller('metrics')
@ApiExcludeController()
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @PlatformAccess()
  @Header('Cache-Control', 'no-store')
  async scrape(@Res() response: Response): Promise<void> {
    const { contentType, body } = await this.metrics.exposition();
    response.type(contentType).send(body);
  }
}
