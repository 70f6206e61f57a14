import type { Response } from 'express';
import { z } from 'zod';
import { entityTag, ZodValidationPipe } from '@due-regard/platform';

export const API_V1 = '/api/v1';

export const resourcePaths = {
  strategy: (strategyId: string): string => `${API_V1}/strategies/${strategyId}`,
  plan: (planId: string): string => `${API_V1}/plans/${planId}`,
  action: (planId: string, actionId: string): string => `${API_V1}/plans/${planId}/actions/${actionId}`,
  measure: (measureId: string): string => `${API_V1}/measures/${measureId}`,
};

/** Route ids are the UUIDs we issue; anything else is refused naming the parameter. */
export const idParam = new ZodValidationPipe(z.uuid('Not an id this service issues'));

/** `?asOf=`: an ISO 8601 instant with its offset, e.g. 2025-03-31T23:00:00Z. */
export const asOfQuery = new ZodValidationPipe(
  z.iso
    .datetime({ offset: true, message: 'Give an ISO 8601 instant, such as 2025-03-31T23:00:00Z' })
    .transform((text) => new Date(text))
    .optional(),
);

/** A body that may be left out entirely (Express 5 leaves it undefined): read as `{}`. */
export function optionalBody<S extends z.ZodType>(schema: S): ZodValidationPipe<z.ZodPreprocess<S>> {
  return new ZodValidationPipe(z.preprocess((value) => value ?? {}, schema));
}

/** A single resource's current version goes out as its ETag; a change's answer says where the resource is. */
export function setVersionHeaders(response: Response, version: number, location?: string): void {
  response.setHeader('ETag', entityTag(version));
  if (location !== undefined) response.setHeader('Location', location);
}
