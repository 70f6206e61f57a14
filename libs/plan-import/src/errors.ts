export const PLAN_IMPORT_ERROR_CODES = [
  'EMPTY_FILE',
  'FILE_TOO_LARGE',
  'UNSUPPORTED_TYPE',
  'NOT_A_ZIP',
  'ZIP_BOMB',
  'ENCRYPTED',
  'CORRUPT_DOCUMENT',
  'NO_TABLE',
] as const;
export type PlanImportErrorCode = (typeof PLAN_IMPORT_ERROR_CODES)[number];

/** The only error `parsePlanDocument` throws for bad input; `message` is one line a user can read. */
export class PlanImportError extends Error {
  override readonly name = 'PlanImportError';

  constructor(
    readonly code: PlanImportErrorCode,
    message: string,
  ) {
    super(message.replace(/\s+/g, ' ').trim());
  }
}
