import { OAuthError } from './oauth-error.js';

/**
 * Parameters of a query string or form body, as Express parsed them. RFC 6749 §3.1: a parameter
 * without a value counts as absent, and none may be repeated (a repeated one parses into an array,
 * nested syntax into an object: both are refused).
 */
export class RequestParameters {
  private constructor(private readonly values: ReadonlyMap<string, unknown>) {}

  static from(source: unknown): RequestParameters {
    const values = new Map<string, unknown>();
    if (typeof source === 'object' && source !== null) {
      for (const [name, value] of Object.entries(source)) values.set(name, value);
    }
    return new RequestParameters(values);
  }

  get(name: string): string | undefined {
    const value = this.values.get(name);
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string')
      throw new OAuthError('invalid_request', `Parameter ${name} is repeated or malformed`);
    return value;
  }

  /** Like get(), without the error: for pages that must still be shown. */
  tryGet(name: string): string | undefined {
    const value = this.values.get(name);
    return typeof value === 'string' && value !== '' ? value : undefined;
  }
}
