import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { RequestValidationError } from './problem-details.js';

/** `"3"`, or weak `W/"3"`: the stream versions we hand out as ETags. */
const ENTITY_TAG = /^(?:W\/)?"(\d{1,15})"$/;

function refuse(detail: string): RequestValidationError {
  return new RequestValidationError([{ in: 'header', field: 'If-Match', pointer: '#/If-Match', detail }]);
}

/**
 * The stream version a client's If-Match names, or undefined when it names none (no header, or
 * `*`: "whatever the current version is"). Strong and weak tags compare alike: the tag is the
 * stream version either way. A list of tags, or a tag we never issue, is refused as bad input.
 */
export function parseIfMatch(header: string | readonly string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = (typeof header === 'string' ? header : header.join(',')).trim();
  if (value === '' || value === '*') return undefined;
  if (value.includes(',')) {
    throw refuse('Send one entity tag, the ETag you read, such as "3"');
  }
  const match = ENTITY_TAG.exec(value);
  if (match?.[1] === undefined) {
    throw refuse('Send the ETag you read, such as "3" or W/"3"');
  }
  return Number(match[1]);
}

/** The ETag of a stream version. */
export function entityTag(version: number): string {
  return `"${version}"`;
}

/** The stream version named by the request's If-Match, or undefined; a malformed one is a 400 naming the header. */
export const IfMatch = createParamDecorator((_data: unknown, execution: ExecutionContext): number | undefined =>
  parseIfMatch(execution.switchToHttp().getRequest<Request>().headers['if-match']),
);
