/**
 * Something the operator can fix stopped start-up (Redis missing, a data directory in use...).
 * Its message is printed as the only line on stderr, without a stack trace.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

// Duck-typed rather than `instanceof Error`: errors from Node's core modules come from another
// realm under Jest's VM modules.
function isErrorLike(error: unknown): error is { message: string; name?: unknown; code?: unknown; errors?: unknown } {
  return typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string';
}

export function errorMessage(error: unknown): string {
  if (!isErrorLike(error)) return String(error);
  if (Array.isArray(error.errors) && error.errors.length > 0) return error.errors.map(errorMessage).join('; ');
  return error.message || (typeof error.name === 'string' ? error.name : 'unknown error');
}

/** The `code` of a Node system error (ENOENT, EADDRINUSE...). */
export function errorCode(error: unknown): string | undefined {
  return isErrorLike(error) && typeof error.code === 'string' ? error.code : undefined;
}
