import type { NextFunction, Request, Response } from 'express';
import type { Metrics } from './metrics.js';

/** Requests that matched no route are counted under one label, so a scan cannot multiply series. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Times every request and records it under its route pattern (`/api/v1/plans/:planId`), read when
 * the response is finished, after routing set it.
 */
export function httpMetricsMiddleware(metrics: Metrics) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = performance.now();
    response.once('finish', () => {
      const route = (request.route as { path?: unknown } | undefined)?.path;
      metrics.requestServed(
        request.method,
        typeof route === 'string' ? `${request.baseUrl}${route}` : UNMATCHED_ROUTE,
        response.statusCode,
        (performance.now() - started) / 1000,
      );
    });
    next();
  };
}
