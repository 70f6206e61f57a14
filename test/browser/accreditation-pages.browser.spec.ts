import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { axeRecords, checkPage, inNewContext, launchChromium, SCREENSHOTS } from './support/chromium.js';
import { councilUrl, startDueRegardOnPort3000, type DueRegardForBrowser } from './support/due-regard-on-port-3000.js';
import { heading, JOURNEY, signInOnProviderPage } from './support/journeys.js';

// The accreditation pages in Debian's Chromium: Charnwood's admin opens Accreditations from the
// service navigation, records a Disability Confident Leader award (first sending the form empty,
// to see the errors) and sees its expiry and renewal date; then records a commitment as met with
// a document as evidence. A viewer reads the page without the forms. Every page is checked with axe.

describe('the accreditation pages in a real browser', () => {
  let dueRegard: DueRegardForBrowser;
  let browser: Browser;

  beforeAll(async () => {
    dueRegard = await startDueRegardOnPort3000();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await dueRegard?.close();
    await writeFile(join(SCREENSHOTS, 'accreditations-axe-results.json'), `${JSON.stringify(axeRecords, null, 2)}\n`);
  });

  const schemeUrl = councilUrl('charnwood', '/accreditations/disability-confident');

  it(
    'lets an admin record a Disability Confident award and see the renewal date, and a viewer read it',
    async () => {
      await inNewContext(browser, 'accreditations-admin-records-award', async (page) => {
        await page.goto(councilUrl('charnwood', '/'));
        await signInOnProviderPage(page, 'charnwood.admin');
        await page.getByRole('navigation').getByRole('link', { name: 'Accreditations' }).click();
        await page.waitForURL(councilUrl('charnwood', '/accreditations'));
        expect(await heading(page)).toBe('Accreditations');
        expect(await page.locator('main').innerText()).toContain('has not recorded any accreditation yet');
        await checkPage(page, 'accreditations-01-overview-empty');

        await page.getByRole('link', { name: 'Disability Confident' }).click();
        await page.waitForURL(schemeUrl);
        expect(await heading(page)).toBe('Disability Confident');
        expect(await page.locator('.govuk-summary-list').innerText()).toContain(
          'Start working towards Disability Confident',
        );
        await checkPage(page, 'accreditations-02-scheme-not-started');

        await page.getByRole('button', { name: 'Record an award' }).click();
        expect(await heading(page)).toBe('Record an award');
        await checkPage(page, 'accreditations-03-award-form');

        await page.getByRole('button', { name: 'Record the award' }).click();
        expect(await page.locator('.govuk-error-summary').innerText()).toContain('Select the level awarded');
        expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter the date of the award');
        await checkPage(page, 'accreditations-04-award-form-errors');

        await page.getByLabel('Disability Confident Leader').check();
        const awarded = page.getByRole('group', { name: 'When was it awarded?' });
        await awarded.getByLabel('Day').fill('10');
        await awarded.getByLabel('Month').fill('3');
        await awarded.getByLabel('Year').fill('2025');
        await page.getByRole('button', { name: 'Record the award' }).click();
        await page.waitForURL(schemeUrl);

        const banner = await page.locator('.govuk-notification-banner').innerText();
        expect(banner).toContain('Disability Confident Leader recorded');
        expect(banner).toContain('expires on 10 March 2028');
        expect(banner).toContain('Renewal is due from 11 December 2027');
        const summary = await page.locator('.govuk-summary-list').innerText();
        expect(summary).toContain('Disability Confident Leader (current)');
        expect(summary).toMatch(/Expires on\s+10 March 2028/);
        expect(summary).toMatch(/Renewal due from\s+11 December 2027/);
        await checkPage(page, 'accreditations-05-scheme-with-award');

        await page.getByRole('link', { name: 'Update commitments 3' }).click();
        expect(await heading(page)).toBe('3. Offer an interview to disabled people');
        await checkPage(page, 'accreditations-06-commitment-form');
        await page.getByLabel('Met').check();
        await page.getByLabel('Title').fill('Guaranteed interview scheme');
        await page.getByLabel('Web address').fill('https://www.charnwood.gov.uk/jobs/interviews');
        await page.getByRole('button', { name: 'Save' }).click();
        await page.waitForURL(schemeUrl);
        const commitments = await page.locator('main table').last().innerText();
        expect(commitments).toMatch(/3\. Offer an interview to disabled people\s+Met\s+Guaranteed interview scheme/);
        expect(await page.locator('main').innerText()).toContain('1 of 5 met');
        await checkPage(page, 'accreditations-07-scheme-with-evidence');

        await page.getByRole('link', { name: 'All accreditations' }).click();
        const row = await page.locator('main table tbody tr').first().innerText();
        expect(row).toContain('Disability Confident Leader');
        expect(row).toContain('10 March 2028');
        expect(row).toContain('Renewal due from 11 December 2027');
        expect(row).toContain('1 of 5 met');
        await checkPage(page, 'accreditations-08-overview-with-award');
      });

      await inNewContext(browser, 'accreditations-viewer-reads', async (page) => {
        await page.goto(schemeUrl);
        await signInOnProviderPage(page, 'charnwood.viewer');
        expect(page.url()).toBe(schemeUrl);
        expect(await page.locator('.govuk-summary-list').innerText()).toMatch(/Renewal due from\s+11 December 2027/);
        expect(await page.getByRole('button', { name: 'Record an award' }).count()).toBe(0);
        expect(await page.getByRole('link', { name: /^Update/ }).count()).toBe(0);
        await checkPage(page, 'accreditations-09-scheme-viewer');
        const form = await page.goto(councilUrl('charnwood', '/accreditations/disability-confident/awards/new'));
        expect(form?.status()).toBe(403);
      });
    },
    2 * JOURNEY,
  );
});
