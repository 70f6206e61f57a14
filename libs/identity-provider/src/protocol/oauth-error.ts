export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'invalid_token'
  | 'too_many_requests';

/** An OAuth 2.0 error response: `{ error, error_description }` with its status code (RFC 6749 §5.2). */
export class OAuthError extends Error {
  override readonly name = 'OAuthError';

  constructor(
    readonly error: OAuthErrorCode,
    readonly description: string,
    readonly status: number = 400,
    /** Sent as `WWW-Authenticate` (client authentication with HTTP Basic, bearer tokens). */
    readonly challenge?: string,
  ) {
    super(`${error}: ${description}`);
  }

  toJSON(): { error: OAuthErrorCode; error_description: string } {
    return { error: this.error, error_description: this.description };
  }
}
