import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { decodeJwt, SignJWT } from 'jose';
import type { Browser, Page } from 'playwright-core';
import { loadOrCreateProviderKeys } from '@due-regard/identity-provider';
import { SESSION_KEY_PREFIX } from '@due-regard/web';
import {
  axeRecords,
  checkPage,
  checkPageWithoutJavaScript,
  inNewContext,
  launchChromium,
  SCREENSHOTS,
} from './support/chromium.js';
import {
  councilUrl,
  PLATFORM_URL,
  startDueRegardOnPort3000,
  type DueRegardForBrowser,
} from './support/due-regard-on-port-3000.js';
import { DEMO_PASSWORD } from '@due-regard/testing';
import {
  focusedId,
  focusedText,
  heading,
  JOURNEY,
  SIGN_IN_PAGE,
  signInOnProviderPage,
  tabTo,
} from './support/journeys.js';

// The web service's shell in Debian's Chromium, signing in through the identity provider's own
// page (the embedded Keycloak-compatible one), at http://localhost:3000 and its council
// sub-domains, which Chromium resolves to loopback by itself (no --host-resolver-rules).
// Every page visited is screenshotted and checked with axe (WCAG 2.2 AA tags): zero violations.

/** The council's home when signed in: its dashboard, saying who is signed in, in which role. */
async function expectDashboardOf(page: Page, whoAndRole: string, council = 'Charnwood Borough Council'): Promise<void> {
  expect(await heading(page)).toBe('Dashboard');
  // The dashboard goes on to name the person's teams, when they are in any.
  expect(await page.locator('main').innerText()).toContain(`You’re signed in as ${whoAndRole} for ${council}`);
}

describe('the web service in a real browser', () => {
  let dueRegard: DueRegardForBrowser;
  let browser: Browser;

  beforeAll(async () => {
    dueRegard = await startDueRegardOnPort3000();
    browser = await launchChromium();
  }, JOURNEY);

  afterAll(async () => {
    await browser?.close();
    await dueRegard?.close();
    await writeFile(join(SCREENSHOTS, 'axe-results.json'), `${JSON.stringify(axeRecords, null, 2)}\n`);
  });

  it(
    'reaches the bare domain and council sub-domains on loopback, with Chromium resolving *.localhost itself',
    async () => {
      await inNewContext(browser, 'resolution', async (page) => {
        const platform = await page.goto(`${PLATFORM_URL}/`);
        expect(platform?.status()).toBe(200);
        const council = await page.goto(councilUrl('charnwood', '/public'));
        expect(council?.status()).toBe(200);
        expect(new URL(page.url()).hostname).toBe('charnwood.localhost');
        expect(await page.locator('.govuk-service-navigation__service-name').innerText()).toBe(
          'Charnwood Borough Council',
        );
      });
    },
    JOURNEY,
  );

  it(
    'shows the public pages, each passing axe',
    async () => {
      await inNewContext(browser, 'public-pages', async (page) => {
        await page.goto(`${PLATFORM_URL}/`);
        expect(await page.title()).toBe('Equality action plans for councils – Due Regard');
        await checkPage(page, '01-platform-home');

        await page.getByRole('link', { name: 'Charnwood Borough Council' }).first().click();
        // The council's home needs signing in: the link leads to the provider's page.
        expect(page.url()).toMatch(SIGN_IN_PAGE);

        await page.goto(councilUrl('charnwood', '/public'));
        expect(await page.title()).toBe('Published plans – Charnwood Borough Council – Due Regard');
        expect(await heading(page)).toBe('Published plans');
        await checkPage(page, '02-published-plans');

        await page.getByRole('link', { name: 'Accessibility statement' }).click();
        expect(await heading(page)).toBe('Accessibility statement for Due Regard');
        await checkPage(page, '03-accessibility-statement');

        await page.getByRole('link', { name: 'Cookies' }).click();
        expect(await heading(page)).toBe('Cookies');
        await checkPage(page, '04-cookies');

        const missing = await page.goto(councilUrl('charnwood', '/no-such-page'));
        expect(missing?.status()).toBe(404);
        expect(await heading(page)).toBe('Page not found');
        await checkPage(page, '05-page-not-found');

        const unknown = await page.goto(councilUrl('nowhere', '/'));
        expect(unknown?.status()).toBe(404);
        expect(await page.locator('main').innerText()).toContain(
          'There is no council on Due Regard at this web address.',
        );
        await checkPage(page, '06-unknown-council');

        const stale = await page.goto(councilUrl('charnwood', '/auth/callback?code=stale&state=stale'));
        expect(stale?.status()).toBe(400);
        expect(await heading(page)).toBe('Sorry, you could not be signed in');
        await checkPage(page, '07-sign-in-problem');
      });
    },
    JOURNEY,
  );

  it(
    "signs in as charnwood.lead through the provider's page, sees the council's dashboard with the user's name, and signs out",
    async () => {
      await inNewContext(browser, 'lead-signs-in-and-out', async (page, context) => {
        await page.goto(councilUrl('charnwood', '/'));
        await checkPage(page, '08-provider-sign-in');
        await signInOnProviderPage(page, 'charnwood.lead');

        expect(page.url()).toBe(councilUrl('charnwood', '/'));
        expect(await page.title()).toBe('Home – Charnwood Borough Council – Due Regard');
        await expectDashboardOf(page, 'Grace Okafor, an action lead');
        await checkPage(page, '09-council-home-signed-in');
        // On a phone: the service navigation folds behind its Menu button (JavaScript is on here).
        await page.setViewportSize({ width: 375, height: 812 });
        // govuk-frontend shows the toggle when its media query reports the change: wait for it.
        await page.getByRole('button', { name: 'Menu' }).waitFor({ state: 'visible' });
        expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(false);
        await checkPage(page, '09-council-home-signed-in-phone');
        await page.getByRole('button', { name: 'Menu' }).click();
        await page.getByRole('button', { name: 'Sign out' }).waitFor({ state: 'visible' });
        expect(await page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded')).toBe('true');
        await checkPage(page, '09-council-home-signed-in-phone-menu-open');
        await page.setViewportSize({ width: 1024, height: 768 });
        await page.getByRole('button', { name: 'Menu' }).waitFor({ state: 'hidden' });

        // Pages anyone may see, now with the signed-in navigation.
        await page.getByRole('link', { name: 'Published plans' }).first().click();
        await checkPage(page, '10-published-plans-signed-in');
        await page.goto(councilUrl('charnwood', '/sign-out'));
        expect(await heading(page)).toBe('Sign out of Due Regard');
        await checkPage(page, '11-sign-out-confirmation');

        // A form whose CSRF cookie is gone (another tab, a cleared browser) is refused with a page.
        await context.clearCookies({ name: 'due-regard-csrf' });
        await page.getByRole('main').getByRole('button', { name: 'Sign out' }).click();
        await page.waitForLoadState();
        expect(await heading(page)).toBe('This form has expired');
        await checkPage(page, '12-form-expired');

        await page.goto(councilUrl('charnwood', '/sign-out'));
        await page.getByRole('main').getByRole('button', { name: 'Sign out' }).click();
        await page.waitForLoadState();
        expect(page.url()).toBe(councilUrl('charnwood', '/signed-out'));
        expect(await heading(page)).toBe('You have signed out');
        await checkPage(page, '13-signed-out');

        // Signed out at the provider too (RP-initiated logout): the home asks for a password again.
        await page.goto(councilUrl('charnwood', '/'));
        expect(page.url()).toMatch(SIGN_IN_PAGE);
      });
    },
    JOURNEY,
  );

  it(
    "shows the provider's sign-in page with a validation error that passes axe",
    async () => {
      await inNewContext(browser, 'provider-validation-error', async (page) => {
        await page.goto(councilUrl('charnwood', '/'));
        await signInOnProviderPage(page, 'charnwood.lead', 'not-the-password');
        expect(page.url()).not.toContain('charnwood.localhost');
        expect(await page.getByRole('alert').innerText()).toContain('There is a problem');
        await checkPage(page, '14-provider-sign-in-error');
      });
    },
    JOURNEY,
  );

  it(
    'does not let leicestershire.editor open Charnwood pages: a 403 page',
    async () => {
      await inNewContext(browser, 'outsider-forbidden', async (page) => {
        await page.goto(councilUrl('charnwood', '/'));
        await signInOnProviderPage(page, 'leicestershire.editor');
        expect(page.url()).toBe(councilUrl('charnwood', '/'));
        expect(await heading(page)).toBe('You do not have access to this page');
        expect(await page.locator('main').innerText()).not.toContain('Dashboard');
        const again = await page.reload();
        expect(again?.status()).toBe(403);
        await checkPage(page, '15-forbidden');

        // The same person is welcome on their own council's sub-domain (its own session: sign in there).
        await page.goto(councilUrl('leicestershire', '/'));
        await expectDashboardOf(page, 'Mohammed Rahman, a plan editor', 'Leicestershire County Council');
      });
    },
    JOURNEY,
  );

  it(
    'keeps someone signed in when their access token expires, by refreshing it on the server',
    async () => {
      const redis = new Redis(process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379');
      try {
        await inNewContext(browser, 'token-refresh', async (page, context) => {
          await page.goto(councilUrl('charnwood', '/'));
          await signInOnProviderPage(page, 'charnwood.viewer');
          await expectDashboardOf(page, 'Daniel Kowalski, a viewer');

          // Age the session's access token: same claims and signing key, expired a minute ago.
          const cookie = (await context.cookies()).find((candidate) => candidate.name === 'due-regard-session');
          const sessionId = /^s:([^.]+)\./.exec(decodeURIComponent(cookie?.value ?? ''))?.[1];
          expect(sessionId).toBeDefined();
          const key = `${SESSION_KEY_PREFIX}${sessionId ?? ''}`;
          const session = JSON.parse((await redis.get(key)) ?? '{}') as { tokens: { accessToken: string } };
          const keys = await loadOrCreateProviderKeys('.data/identity');
          const now = Math.floor(Date.now() / 1000);
          const expired = await new SignJWT({ ...decodeJwt(session.tokens.accessToken), iat: now - 360, exp: now - 60 })
            .setProtectedHeader({ alg: 'RS256', kid: keys.kid, typ: 'JWT' })
            .sign(keys.signingKey);
          session.tokens.accessToken = expired;
          await redis.set(key, JSON.stringify(session), 'KEEPTTL');

          await page.reload();
          await expectDashboardOf(page, 'Daniel Kowalski, a viewer');
          const refreshed = JSON.parse((await redis.get(key)) ?? '{}') as { tokens: { accessToken: string } };
          expect(refreshed.tokens.accessToken).not.toBe(expired);
          expect(decodeJwt(refreshed.tokens.accessToken).exp).toBeGreaterThan(now);
        });
      } finally {
        await redis.quit();
      }
    },
    JOURNEY,
  );

  it(
    'completes the sign-in journey with JavaScript switched off',
    async () => {
      await inNewContext(
        browser,
        'no-javascript',
        async (page, context) => {
          await page.goto(councilUrl('charnwood', '/public'));
          expect(await page.locator('body').getAttribute('class')).not.toContain('js-enabled');
          await checkPageWithoutJavaScript(browser, page, context, '16-published-plans-without-javascript');
          await page.getByRole('link', { name: 'Sign in' }).click();
          await signInOnProviderPage(page, 'charnwood.lead');
          await expectDashboardOf(page, 'Grace Okafor, an action lead');
          // On a phone without JavaScript the navigation stays open: no Menu button to need it.
          await page.setViewportSize({ width: 375, height: 812 });
          expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
          expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
          await checkPageWithoutJavaScript(browser, page, context, '17-council-home-without-javascript-phone');
          await page.getByRole('button', { name: 'Sign out' }).click();
          await page.waitForLoadState();
          expect(await heading(page)).toBe('You have signed out');
        },
        { javaScriptEnabled: false },
      );
    },
    JOURNEY,
  );

  it(
    'signs in and out with the keyboard alone: Tab, Enter and Space',
    async () => {
      await inNewContext(browser, 'keyboard-only', async (page) => {
        await page.goto(councilUrl('charnwood', '/public'));

        await page.keyboard.press('Tab');
        expect(await focusedText(page)).toBe('Skip to main content');
        await tabTo(page, 'Sign in');
        await page.keyboard.press('Enter');
        await page.waitForURL(SIGN_IN_PAGE);

        await page.keyboard.press('Tab');
        expect(await focusedId(page)).toBe('username');
        await page.keyboard.type('charnwood.lead');
        await page.keyboard.press('Tab');
        expect(await focusedId(page)).toBe('password');
        await page.keyboard.type(DEMO_PASSWORD);
        await page.keyboard.press('Tab');
        expect(await focusedText(page)).toBe('Sign in');
        await page.keyboard.press('Space');
        await page.waitForURL(councilUrl('charnwood', '/'));
        await expectDashboardOf(page, 'Grace Okafor, an action lead');

        await tabTo(page, 'Sign out');
        await page.keyboard.press('Space');
        await page.waitForURL(councilUrl('charnwood', '/signed-out'));
        expect(await heading(page)).toBe('You have signed out');
      });
    },
    JOURNEY,
  );
});
