/** What the provider's token endpoint answers a password grant with `scope=openid`. */
export interface ProviderTokens {
  readonly access_token: string;
  readonly refresh_token: string;
  readonly id_token: string;
}

/** Every demo user in the realm export signs in with this password. */
export const DEMO_PASSWORD = 'demo';

/** A demo user's tokens from the embedded provider at `platformUrl`, by the CLI client's password grant. */
export async function demoUserTokens(platformUrl: string, username: string): Promise<ProviderTokens> {
  const response = await fetch(`${platformUrl}/realms/due-regard/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'due-regard-cli',
      username,
      password: DEMO_PASSWORD,
      scope: 'openid',
    }),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error_description?: string };
    throw new Error(`The provider refused ${username}'s password grant: ${body.error_description ?? response.status}`);
  }
  return (await response.json()) as ProviderTokens;
}
