import { Queue } from 'bullmq';
import type { Browser, Page } from 'playwright-core';
import { IMPORTS_QUEUE } from '@due-regard/plan-import-app';
import { checkPage, checkPageWithoutJavaScript, inNewContext, launchChromium } from './support/chromium.js';
import { councilUrl, startDueRegardOnPort3000, type DueRegardForBrowser } from './support/due-regard-on-port-3000.js';
import { heading, JOURNEY, signInOnProviderPage } from './support/journeys.js';
import { QUEUE_PREFIX } from '@due-regard/platform';

// The import pages in Debian's Chromium: charnwood.editor uploads a plan, follows the imports job,
// checks the preview, says what a column holds, and imports the plan. Every page visited is
// screenshotted (test-output/screenshots/import-*.png) and checked with axe: zero violations.
// A Redis database of the suite's own: another app's worker on the `imports` queue would take
// this suite's jobs.
const REDIS_URL = `${process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379'}/15`;
const IMPORT_PAGE = /^http:\/\/charnwood\.localhost:3000\/imports\/[0-9a-f-]{36}$/;

const PLAN_CSV = [
  'Ref,Action,Due date,Lead,Success measure,Notes',
  'Objective 1: Understand our communities,,,,,',
  '1.1,Publish the equality profile of the borough,March 2025,Policy Team,Profile published on the website,Draft written in January',
  '1.2,Consult disabled residents on access to council buildings,Q3 2025,Facilities,Access audit of every building,Not started yet',
  'Objective 2: A fair workforce,,,,,',
  '2.1,Publish the gender pay gap report,Annually – April 2025,Human Resources,Report published on time,Completed for 2024',
].join('\n');

describe('the import pages in a real browser', () => {
  let dueRegard: DueRegardForBrowser;
  let browser: Browser;
  let queue: Queue;

  beforeAll(async () => {
    dueRegard = await startDueRegardOnPort3000({ REDIS_URL });
    browser = await launchChromium();
    queue = new Queue(IMPORTS_QUEUE, { connection: { url: REDIS_URL }, prefix: QUEUE_PREFIX });
  }, JOURNEY);

  afterAll(async () => {
    await queue?.resume();
    await queue?.close();
    await browser?.close();
    await dueRegard?.close();
  });

  async function upload(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await page.getByLabel('Upload a file').setInputFiles(file);
    await page.getByRole('button', { name: 'Upload and read the plan' }).click();
    await page.waitForLoadState();
  }

  it(
    'takes charnwood.editor from the upload form through the progress and the preview to the imported plan',
    async () => {
      await inNewContext(browser, 'import-editor-journey', async (page, context) => {
        await page.goto(councilUrl('charnwood', '/imports/new'));
        await signInOnProviderPage(page, 'charnwood.editor');
        expect(page.url()).toBe(councilUrl('charnwood', '/imports/new'));
        expect(await heading(page)).toBe('Upload your equality action plan');
        await checkPage(page, 'import-01-upload-form');

        // Nothing chosen, then an old Word document: the error summary, the error on the field, 400.
        await page.getByRole('button', { name: 'Upload and read the plan' }).click();
        await page.waitForLoadState();
        expect(await page.title()).toMatch(/^Error: Upload your equality action plan/);
        expect(await page.locator('.govuk-error-summary').innerText()).toContain('Select a file to upload');
        await checkPage(page, 'import-02-no-file-chosen');

        const refused = page.waitForResponse((response) => response.request().method() === 'POST');
        await upload(page, {
          name: 'plan.doc',
          mimeType: 'application/msword',
          buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        });
        expect((await refused).status()).toBe(400);
        expect(await page.locator('.govuk-error-summary').innerText()).toContain('The old Word format (.doc)');
        expect(await page.locator('#file-error').innerText()).toContain('The old Word format (.doc)');
        await checkPage(page, 'import-03-unsupported-file');

        // The queue is paused, so that the page shows the job waiting; the page's script reloads
        // it once the job is done.
        await queue.pause();
        await upload(page, { name: 'plan.csv', mimeType: 'text/csv', buffer: Buffer.from(PLAN_CSV) });
        expect(page.url()).toMatch(IMPORT_PAGE);
        const importUrl = page.url();
        expect(await heading(page)).toBe('Reading your plan');
        expect(await page.locator('#import-progress').getAttribute('aria-live')).toBe('polite');
        expect(await page.locator('#import-progress-text').innerText()).toBe('Waiting to be read');
        await checkPage(page, 'import-04-progress');
        await checkPageWithoutJavaScript(browser, page, context, 'import-04-progress-without-javascript');
        await queue.resume();
        await page.getByRole('heading', { level: 1, name: 'Check the plan before you import it' }).waitFor();
        const main = page.locator('main');
        expect(await main.innerText()).toContain('Due Regard found 2 objectives and 3 actions');
        expect(await main.innerText()).toContain('Objective 1: Understand our communities');
        expect(await main.innerText()).toContain('A period: 1 July 2025 to 30 September 2025');
        expect(await main.innerText()).not.toContain('Draft written in January');
        await checkPage(page, 'import-05-preview');

        await page.getByRole('link', { name: 'change what the columns hold' }).click();
        expect(await heading(page)).toBe('Say what each column holds');
        expect(await page.getByLabel('Column “Notes”').inputValue()).toBe('ignore');
        expect(await page.getByLabel('Column “Due date”').inputValue()).toBe('due');
        await checkPage(page, 'import-06-columns');
        await page.getByLabel('Column “Notes”').selectOption({ label: 'Progress update' });
        await page.getByRole('button', { name: 'Read the plan again' }).click();
        await page.waitForLoadState();
        expect(page.url()).toMatch(IMPORT_PAGE);
        await page.getByRole('heading', { level: 1, name: 'Check the plan before you import it' }).waitFor();
        expect(await main.innerText()).toContain('Draft written in January');
        await checkPage(page, 'import-07-preview-with-progress');

        // A date that is not real: the error summary, and the date input's boxes marked.
        await page.locator('#planTo-day').fill('31');
        await page.locator('#planTo-month').fill('2');
        await page.getByLabel('Submit it for approval').check();
        await page.getByRole('button', { name: 'Import the plan' }).click();
        await page.waitForLoadState();
        expect(await page.title()).toMatch(/^Error: Check the plan before you import it/);
        expect(await page.locator('.govuk-error-summary').innerText()).toContain(
          'The date the action plan ends must be a real date',
        );
        await checkPage(page, 'import-08-import-form-error');
        await page.locator('#planTo-month').fill('3');

        await page.getByLabel('Title of the action plan').fill('Equality Action Plan 2025');
        await page.getByLabel('Submit it for approval').check();
        await page.getByRole('button', { name: 'Import the plan' }).click();
        await page.waitForLoadState();
        expect(page.url()).toMatch(/^http:\/\/charnwood\.localhost:3000\/plans\/[0-9a-f-]{36}$/);
        // The plan page belongs to the plan pages; whatever it is yet, it must pass axe too.
        await checkPage(page, 'import-09-after-import');

        await page.goto(importUrl);
        expect(await heading(page)).toBe('Your plan has been imported');
        expect(await main.innerText()).toContain(
          'Equality Action Plan 2025 was imported with 2 objectives and 3 actions.',
        );
        await checkPage(page, 'import-10-imported');
      });
    },
    // Eleven pages, each with axe, and two readings of the plan: three journeys' worth of time.
    3 * JOURNEY,
  );

  it(
    'shows charnwood.viewer the 403 page on the upload form',
    async () => {
      await inNewContext(browser, 'import-viewer-forbidden', async (page) => {
        await page.goto(councilUrl('charnwood', '/imports/new'));
        await signInOnProviderPage(page, 'charnwood.viewer');
        expect(page.url()).toBe(councilUrl('charnwood', '/imports/new'));
        expect(await heading(page)).toBe('You do not have access to this page');
        expect((await page.reload())?.status()).toBe(403);
        await checkPage(page, 'import-11-viewer-forbidden');
      });
    },
    JOURNEY,
  );
});
