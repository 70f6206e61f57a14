import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { axeRecords, checkPage, inNewContext, launchChromium, SCREENSHOTS } from './support/chromium.js';
import { PLATFORM_URL, startDueRegardOnPort3000, type DueRegardForBrowser } from './support/due-regard-on-port-3000.js';
import { heading, JOURNEY, signInOnProviderPage } from './support/journeys.js';

// The platform's admin area in Debian's Chromium: the platform admin opens /admin on the bare
// domain, signs in, sees the councils with their projection lag, sends the register-a-council form
// empty (to see the errors on its fields), then registers a council. Every page is checked with axe.

describe('the admin area in a real browser', () => {
  let dueRegard: DueRegardForBrowser;
  let browser: Browser;

  beforeAll(async () => {
    dueRegard = await startDueRegardOnPort3000();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await dueRegard?.close();
    await writeFile(join(SCREENSHOTS, 'admin-axe-results.json'), `${JSON.stringify(axeRecords, null, 2)}\n`);
  });

  it(
    'lets the platform admin see the councils and register one',
    async () => {
      await inNewContext(browser, 'admin-registers-council', async (page) => {
        await page.goto(`${PLATFORM_URL}/admin`);
        await signInOnProviderPage(page, 'platform.admin');
        await page.waitForURL(`${PLATFORM_URL}/admin`);
        expect(await heading(page)).toBe('Platform administration');
        await checkPage(page, 'admin-01-home');

        await page.getByRole('link', { name: 'See councils' }).click();
        await page.waitForURL(`${PLATFORM_URL}/admin/councils`);
        expect(await page.locator('table').innerText()).toContain('Charnwood Borough Council');
        await checkPage(page, 'admin-02-councils');

        await page.getByRole('button', { name: 'Register a council' }).click();
        await page.waitForURL(`${PLATFORM_URL}/admin/councils/new`);
        expect(await heading(page)).toBe('Register a council');
        await checkPage(page, 'admin-03-register-form');

        await page.getByRole('button', { name: 'Register council' }).click();
        const summary = await page.locator('.govuk-error-summary').innerText();
        expect(summary).toContain('Enter the council name');
        expect(summary).toContain('Select the type of council');
        await checkPage(page, 'admin-04-register-form-errors');

        await page.getByLabel('Sub-domain').fill('rutland');
        await page.getByLabel('Council name').fill('Rutland County Council');
        await page.getByLabel('Type of council').selectOption('unitary');
        await page.getByLabel('Nation').selectOption('England');
        await page.getByLabel('Region').fill('East Midlands');
        await page.getByRole('button', { name: 'Register council' }).click();
        await page.waitForURL(`${PLATFORM_URL}/admin/councils`);
        expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Council registered');
        expect(await page.locator('table').innerText()).toContain('Rutland County Council');
        await checkPage(page, 'admin-05-council-registered');
      });
    },
    JOURNEY,
  );

  it(
    'runs the queue dashboard under its own CSP, with no script or style refused',
    async () => {
      await inNewContext(browser, 'admin-queue-dashboard', async (page) => {
        const refused: string[] = [];
        page.on('console', (message) => {
          if (message.text().includes('Content Security Policy')) refused.push(message.text());
        });
        await page.goto(`${PLATFORM_URL}/admin`);
        await signInOnProviderPage(page, 'platform.admin');
        await page.waitForURL(`${PLATFORM_URL}/admin`);
        await page.getByRole('link', { name: 'Open the queue dashboard' }).click();
        await page.waitForURL(/\/admin\/queues/);
        // bull-board's React app has rendered the queues it was given.
        await page.getByText('imports', { exact: true }).first().waitFor();
        await page.screenshot({ path: join(SCREENSHOTS, 'admin-06-queue-dashboard.png'), fullPage: true });
        // Its Google Fonts stylesheet is the one thing the policy keeps out.
        expect(refused.filter((text) => !text.includes('fonts.googleapis.com'))).toEqual([]);
      });
    },
    JOURNEY,
  );
});
