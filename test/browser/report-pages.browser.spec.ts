import { Queue } from 'bullmq';
import type { Browser } from 'playwright-core';
import { QUEUE_PREFIX } from '@due-regard/platform';
import { REPORTS_QUEUE } from '@due-regard/reports';
import { planThroughApi } from '../e2e/support/plan-through-api.js';
import { tokenFor } from './support/charnwood-api.js';
import { checkPage, checkPageWithoutJavaScript, inNewContext, launchChromium } from './support/chromium.js';
import {
  BROWSER_PORT,
  councilUrl,
  PLATFORM_URL,
  startDueRegardOnPort3000,
  type DueRegardForBrowser,
} from './support/due-regard-on-port-3000.js';
import { heading, JOURNEY, signInOnProviderPage } from './support/journeys.js';

// The report pages in Debian's Chromium: charnwood.viewer asks for a plan's progress report, waits
// on the page that refreshes itself (with and without JavaScript), downloads the PDF, and finds it
// on the reports page. Every page visited is screenshotted and checked with axe: zero violations.
// A Redis database of the suite's own: another app's worker on the `reports` queue would take
// this suite's jobs.
const REDIS_URL = `${process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379'}/7`;
const REPORT_PAGE = /^http:\/\/charnwood\.localhost:3000\/reports\/[0-9a-f]{32}$/;

describe('the report pages in a real browser', () => {
  let dueRegard: DueRegardForBrowser;
  let browser: Browser;
  let queue: Queue;
  let planId: string;

  beforeAll(async () => {
    dueRegard = await startDueRegardOnPort3000({ REDIS_URL });
    browser = await launchChromium();
    queue = new Queue(REPORTS_QUEUE, { connection: { url: REDIS_URL }, prefix: QUEUE_PREFIX });
    ({ planId } = await planThroughApi(
      PLATFORM_URL,
      `charnwood.localhost:${BROWSER_PORT}`,
      await tokenFor('charnwood.editor'),
      ['Raise awareness of the Equality Impact Assessment process', 'Publish the workforce profile'],
    ));
  }, JOURNEY);

  afterAll(async () => {
    await queue?.resume();
    await queue?.close();
    await browser?.close();
    await dueRegard?.close();
  });

  it(
    'takes charnwood.viewer from the plan to a downloaded progress report, through a page that refreshes itself',
    async () => {
      await inNewContext(
        browser,
        'report-viewer-journey',
        async (page, context) => {
          await page.goto(councilUrl('charnwood', `/plans/${planId}`));
          await signInOnProviderPage(page, 'charnwood.viewer');
          await page.getByRole('link', { name: 'Download a progress report of this plan' }).click();
          await page.waitForLoadState();
          expect(await heading(page)).toBe('Download a progress report');
          await checkPage(page, 'report-01-form');

          // A date that is not real: the error summary, the field's error, 400.
          await page.locator('#asOf-day').fill('31');
          await page.locator('#asOf-month').fill('2');
          const refused = page.waitForResponse((response) => response.request().method() === 'POST');
          await page.getByRole('button', { name: 'Make the report' }).click();
          expect((await refused).status()).toBe(400);
          await page.waitForLoadState();
          expect(await page.title()).toMatch(/^Error: Download a progress report/);
          expect(await page.locator('.govuk-error-summary').innerText()).toContain(
            'The date of the report must be a real date',
          );
          await checkPage(page, 'report-02-form-error');

          // Today, as a PDF; the queue paused so that the page shows the report waiting.
          const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date()).split('-');
          await page.locator('#asOf-day').fill(today[2] ?? '');
          await page.locator('#asOf-month').fill(today[1] ?? '');
          await page.locator('#asOf-year').fill(today[0] ?? '');
          await page.getByLabel('PDF').check();
          await queue.pause();
          const waitingPage = page.waitForResponse(
            (response) => REPORT_PAGE.test(response.url()) && response.request().method() === 'GET',
          );
          await page.getByRole('button', { name: 'Make the report' }).click();
          const waiting = await waitingPage;
          await page.waitForLoadState();
          expect(page.url()).toMatch(REPORT_PAGE);
          expect(await heading(page)).toBe('Your report is being made');
          expect(waiting.headers()['refresh']).toBe('2');
          await checkPage(page, 'report-03-waiting');
          await checkPageWithoutJavaScript(browser, page, context, 'report-03-waiting-without-javascript');
          await queue.resume();

          // The page refreshes itself (the Refresh header, no script) until the report is ready.
          await page.getByRole('heading', { level: 1, name: 'Your report is ready' }).waitFor({ timeout: 60_000 });
          expect(await page.locator('main').innerText()).toContain('SHA-256');
          await checkPage(page, 'report-04-ready');
          const download = page.waitForEvent('download');
          await page.getByRole('link', { name: /Download the report/ }).click();
          const file = await download;
          expect(file.suggestedFilename()).toMatch(
            /^equality-strategy-action-plan-2024-2026-progress-\d{4}-\d{2}-\d{2}\.pdf$/,
          );

          await page.getByRole('link', { name: 'All reports' }).click();
          await page.waitForLoadState();
          expect(await heading(page)).toBe('Reports');
          const table = page.locator('table');
          expect(await table.locator('caption').innerText()).toBe('Reports generated, newest first');
          expect(await table.innerText()).toContain('Equality Strategy Action Plan 2024-2026');
          expect(await table.innerText()).toContain('You');
          await checkPage(page, 'report-05-list');
        },
        { acceptDownloads: true },
      );
    },
    JOURNEY,
  );
});
