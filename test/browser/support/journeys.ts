import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@due-regard/testing';

/**
 * How long one browser journey may take before it counts as hung: signing in, a few pages, axe on
 * each, on a machine shared with other test runs.
 */
export const JOURNEY = 120_000;

/** The identity provider's sign-in page (the embedded Keycloak-compatible one, on the bare domain). */
export const SIGN_IN_PAGE = /^http:\/\/localhost:3000\/realms\/due-regard\/protocol\/openid-connect\/auth\?/;

/** On the provider's sign-in page: fill in the form and send it with the mouse. */
export async function signInOnProviderPage(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  expect(page.url()).toMatch(SIGN_IN_PAGE);
  await page.getByLabel('Username or email address').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForLoadState();
}

export async function heading(page: Page): Promise<string> {
  return (await page.locator('h1').innerText()).trim();
}

/** The text of the element that has the keyboard focus. */
export async function focusedText(page: Page): Promise<string> {
  return (await page.locator(':focus').innerText()).trim();
}

export async function focusedId(page: Page): Promise<string | null> {
  return page.locator(':focus').getAttribute('id');
}

/** Presses Tab until the focused element has this text; fails after `limit` presses. */
export async function tabTo(page: Page, text: string, limit = 30): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if ((await focusedText(page)) === text) return;
  }
  throw new Error(`"${text}" was not reached with ${limit} presses of Tab`);
}
