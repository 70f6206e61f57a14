import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { DemoPlans } from '@due-regard/plan-import-app';
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
import { heading, JOURNEY, signInOnProviderPage } from './support/journeys.js';

// A regional equalities forum in Debian's Chromium: its coordinator invites Charnwood on the bare
// domain, Charnwood's administrator accepts on the council's sub-domain sharing progress and overdue
// counts only, then the coordinator and one of Charnwood's viewers see the comparison. Every page
// visited is screenshotted and checked with axe (WCAG 2.2 AA tags): zero violations.

const FORUM = 'leicestershire-equalities-forum';
const FORUM_URL = `${PLATFORM_URL}/forums/${FORUM}`;

describe('a forum in a real browser', () => {
  let dueRegard: DueRegardForBrowser;
  let browser: Browser;

  beforeAll(async () => {
    dueRegard = await startDueRegardOnPort3000();
    // A test start has the demo councils and the demo forum, not the councils' plans: import them as `npm start` does.
    await dueRegard.app.get(DemoPlans).seed();
    browser = await launchChromium();
  }, JOURNEY);

  afterAll(async () => {
    await browser?.close();
    await dueRegard?.close();
    await writeFile(join(SCREENSHOTS, 'forums-axe-results.json'), `${JSON.stringify(axeRecords, null, 2)}\n`);
  });

  it(
    'the coordinator invites, an admin consents with a scope, the coordinator and a member council see the comparison',
    async () => {
      await inNewContext(browser, 'forums-coordinator-invites', async (page) => {
        await page.goto(FORUM_URL);
        await signInOnProviderPage(page, 'forum.coordinator');
        expect(page.url()).toBe(FORUM_URL);
        expect(await heading(page)).toBe('Leicestershire Equalities Forum');
        expect(await page.locator('main').innerText()).toContain('No council shares anything with this forum yet.');
        await checkPage(page, 'forums-01-comparison-empty');

        await page.getByRole('button', { name: 'Invite council' }).click();
        expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter the council to invite');
        await checkPage(page, 'forums-02-invite-error');
        await page.getByLabel('Invite a council').fill('charnwood');
        await page.getByRole('button', { name: 'Invite council' }).click();
        await page.waitForURL(FORUM_URL);
        expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Council invited');
        expect(await page.locator('main').innerText()).toMatch(/Charnwood Borough Council\s+Invited/);
        await checkPage(page, 'forums-03-invited');
      });

      await inNewContext(browser, 'forums-admin-consents', async (page) => {
        await page.goto(councilUrl('charnwood', '/forums'));
        await signInOnProviderPage(page, 'charnwood.admin');
        expect(await heading(page)).toBe('Equalities forums');
        expect(await page.locator('main').innerText()).toContain('Leicestershire Equalities Forum');
        await checkPage(page, 'forums-04-council-invitation');

        await page.getByRole('link', { name: 'Accept and choose what to share' }).click();
        expect(await heading(page)).toBe('What to share with the forum');
        await checkPage(page, 'forums-05-consent-form');
        await page.getByRole('button', { name: 'Share these figures' }).click();
        expect(await page.locator('.govuk-error-summary').innerText()).toContain('Choose at least one figure to share');
        await checkPage(page, 'forums-06-consent-error');
        await page.getByLabel('Progress by status').check();
        await page.getByLabel('Overdue actions').check();
        await page.getByLabel('Only how many actions there are').check();
        await page.getByRole('button', { name: 'Share these figures' }).click();
        await page.waitForURL(councilUrl('charnwood', '/forums'));
        expect(await page.locator('.govuk-notification-banner').innerText()).toContain(
          'You have joined Leicestershire Equalities Forum',
        );
        const listed = await page.locator('main').innerText();
        expect(listed).toContain('Progress by status');
        expect(listed).toContain('Overdue actions');
        expect(listed).not.toContain('RAG ratings');
        await checkPage(page, 'forums-07-council-member');
      });

      await inNewContext(browser, 'forums-coordinator-compares', async (page, context) => {
        await page.goto(FORUM_URL);
        await signInOnProviderPage(page, 'forum.coordinator');
        const main = await page.locator('main').innerText();
        expect(main).toContain('Charnwood Borough Council');
        expect(main).toContain('Not shared');
        expect(await page.locator('svg[role="img"] title').first().textContent()).toBe(
          'Percentage of actions complete',
        );
        await checkPage(page, 'forums-08-comparison-coordinator');
        await checkPageWithoutJavaScript(browser, page, context, 'forums-09-comparison-without-javascript');
        await page
          .getByRole('link', { name: /^Complete/ })
          .first()
          .click();
        expect(new URL(page.url()).searchParams.get('sort')).toBe('percentComplete');
        expect(await page.locator('th[aria-sort="ascending"]').first().innerText()).toContain('Complete');
      });

      await inNewContext(browser, 'forums-member-council-compares', async (page) => {
        await page.goto(councilUrl('charnwood', `/forums/${FORUM}`));
        await signInOnProviderPage(page, 'charnwood.viewer');
        expect(await heading(page)).toBe('Leicestershire Equalities Forum');
        const main = await page.locator('main').innerText();
        expect(main).toContain('Charnwood Borough Council (your council)');
        expect(main).toContain('Your council is 1 of 1 councils sharing progress');
        await checkPage(page, 'forums-10-comparison-member-council');
      });
    },
    JOURNEY * 2,
  );
});
