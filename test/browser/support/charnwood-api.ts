import request from 'supertest';
import { demoUserTokens } from '@due-regard/testing';
import { BROWSER_PORT, PLATFORM_URL } from './due-regard-on-port-3000.js';

/** A demo user's access token from the embedded provider on port 3000. */
export async function tokenFor(username: string): Promise<string> {
  return (await demoUserTokens(PLATFORM_URL, username)).access_token;
}

/** A call to Charnwood's JSON API, as `token`'s user: how the suites set up what a journey starts from. */
export function charnwoodApi(method: 'get' | 'post', path: string, token: string): request.Test {
  const agent = request(PLATFORM_URL);
  const url = `/api/v1${path}`;
  return (method === 'get' ? agent.get(url) : agent.post(url))
    .set('Host', `charnwood.localhost:${BROWSER_PORT}`)
    .auth(token, { type: 'bearer' });
}
