import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { RequestValidationError, type FieldError } from './problem-details.js';

function pointer(path: readonly PropertyKey[]): string {
  return `#/${path.map((segment) => String(segment).replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;
}

/** The issues to report of one: a record's refused key by what is wrong with it, at the key. */
function fieldIssues(issue: z.core.$ZodIssue): { path: readonly PropertyKey[]; message: string }[] {
  if (issue.code !== 'invalid_key') return [{ path: issue.path, message: issue.message }];
  return issue.issues.map((inner) => ({ path: [...issue.path, ...inner.path], message: inner.message }));
}

/**
 * Validates one request part against a zod schema: `@Body(new ZodValidationPipe(schema))`.
 * Failures become 400 problem details naming each field.
 */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown, metadata: ArgumentMetadata): z.output<S> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    // `@Param('id')` validates one value: its name is the field.
    const prefix = metadata.data === undefined ? [] : [metadata.data];
    const errors: FieldError[] = result.error.issues.flatMap(fieldIssues).map((issue) => {
      const path = [...prefix, ...issue.path];
      return { in: metadata.type, field: path.map(String).join('.'), pointer: pointer(path), detail: issue.message };
    });
    throw new RequestValidationError(errors);
  }
}
