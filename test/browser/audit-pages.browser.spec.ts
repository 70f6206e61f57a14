import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { axeRecords, checkPage, inNewContext, launchChromium, SCREENSHOTS } from './support/chromium.js';
import { charnwoodApi, tokenFor } from './support/charnwood-api.js';
import { councilUrl, startDueRegardOnPort3000, type DueRegardForBrowser } from './support/due-regard-on-port-3000.js';
import { heading, JOURNEY, signInOnProviderPage } from './support/journeys.js';

// The auditor's journey in Debian's Chromium: the change log and its filters, verification, and a
// plan compared between two instants; every page checked with axe (WCAG 2.2 AA): zero violations.

/** An instant to the second, as the pages' date-time inputs take it (UTC). */
const toSecond = (date: Date): string => date.toISOString().slice(0, 19);

describe("the auditor's pages in a real browser", () => {
  let dueRegard: DueRegardForBrowser;
  let browser: Browser;
  let planId: string;
  let from: string;
  let to: string;

  beforeAll(async () => {
    dueRegard = await startDueRegardOnPort3000();
    browser = await launchChromium();
    const editor = await tokenFor('charnwood.editor');
    const created = async (path: string, body: object): Promise<string> =>
      ((await charnwoodApi('post', path, editor).send(body).expect(201)).body as { id: string }).id;
    const strategyId = await created('/strategies', {
      title: 'Audited strategy',
      period: { from: '2024-04-01', to: '2028-03-31' },
    });
    const objectiveId = await created(`/strategies/${strategyId}/objectives`, { title: 'Fair services' });
    planId = await created('/plans', {
      strategyId,
      title: 'Audited plan',
      period: { from: '2024-04-01', to: '2026-03-31' },
    });
    await created(`/plans/${planId}/actions`, {
      ref: '1.1',
      objectiveId,
      title: 'First audited action',
      due: 'March 2026',
    });
    // The pages take instants to the second: let one pass on each side of the second action.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    from = toSecond(new Date());
    await created(`/plans/${planId}/actions`, {
      ref: '1.2',
      objectiveId,
      title: 'Second audited action',
      due: 'March 2026',
    });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    to = toSecond(new Date());
  }, 2 * JOURNEY);

  afterAll(async () => {
    await browser?.close();
    await dueRegard?.close();
    await writeFile(join(SCREENSHOTS, 'audit-axe-results.json'), `${JSON.stringify(axeRecords, null, 2)}\n`);
  });

  it(
    'lets charnwood.auditor read the log, filter it, verify it and compare a plan between two instants',
    async () => {
      await inNewContext(browser, 'audit-journey', async (page) => {
        await page.goto(councilUrl('charnwood', '/audit'));
        await signInOnProviderPage(page, 'charnwood.auditor');
        expect(await heading(page)).toBe('Audit log');
        const main = page.locator('main');
        expect(await main.innerText()).toContain('Second audited action');
        await checkPage(page, 'audit-01-log');

        await page.getByLabel('Event type').fill('ActionAdded');
        await page.getByLabel('Stream, or the start of its name').fill('action-charnwood.');
        await page.getByRole('button', { name: 'Filter the log' }).click();
        await page.waitForLoadState();
        expect(await main.innerText()).toContain('2 changes, newest first.');
        await checkPage(page, 'audit-02-log-filtered');

        // The date-time field's own picker allows no bad value: a bad one can only come in the address.
        const badFilter = new URL(page.url());
        badFilter.searchParams.set('from', 'yesterday');
        await page.goto(badFilter.toString());
        expect(await page.locator('.govuk-error-summary').innerText()).toContain('There is a problem');
        await checkPage(page, 'audit-03-log-bad-filter');

        await page.getByRole('link', { name: 'Verify the log' }).click();
        expect(await heading(page)).toBe('Verify the log');
        expect(await main.innerText()).toContain('The log verifies');
        await checkPage(page, 'audit-04-verify');

        await page.getByRole('link', { name: 'Compare a plan' }).click();
        await page.getByLabel('Plan id').fill(planId);
        await page.getByLabel('As it stood on (UTC)').fill(from);
        await page.getByLabel('Against (UTC)').fill(to);
        await page.getByRole('button', { name: 'Compare' }).click();
        await page.waitForLoadState();
        const comparison = await main.innerText();
        expect(comparison).toContain('Actions added (1)');
        expect(comparison).toContain('1.2: Second audited action');
        expect(comparison).toContain('1 actions unchanged.');
        await checkPage(page, 'audit-05-compare');
      });
    },
    JOURNEY,
  );
});
