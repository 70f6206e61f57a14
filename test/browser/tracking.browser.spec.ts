import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { DemoPlans } from '@due-regard/plan-import-app';
import { axeRecords, checkPage, inNewContext, launchChromium, SCREENSHOTS } from './support/chromium.js';
import { councilUrl, startDueRegardOnPort3000, type DueRegardForBrowser } from './support/due-regard-on-port-3000.js';
import { charnwoodApi, tokenFor } from './support/charnwood-api.js';
import { heading, JOURNEY, signInOnProviderPage } from './support/journeys.js';

// Tracking in Debian's Chromium, on the demo councils' plans: the Human Resources lead
// (charnwood.lead) finds their actions on their home page, opens action 2.2 of Charnwood's
// published 2024-2026 plan, and records a reading of the measure the editor defined on it. Every
// page visited is screenshotted and checked with axe.

describe('tracking in a real browser: my actions and a measure reading', () => {
  let dueRegard: DueRegardForBrowser;
  let browser: Browser;
  let actionPath: string;
  let measurePath: string;

  beforeAll(async () => {
    dueRegard = await startDueRegardOnPort3000();
    await dueRegard.app.get(DemoPlans).seed();
    const editor = await tokenFor('charnwood.editor');
    const { plans } = (await charnwoodApi('get', '/plans', editor)).body as {
      plans: { id: string; title: string; status: string }[];
    };
    const plan = plans.find((candidate) => candidate.status === 'published' && candidate.title.includes('2024'));
    if (plan === undefined) throw new Error("No published 2024-2026 plan in Charnwood's demo data");
    const { actions } = (await charnwoodApi('get', `/plans/${plan.id}`, editor)).body as {
      actions: { id: string; ref: string | null }[];
    };
    const action = actions.find((candidate) => candidate.ref === '2.2');
    if (action === undefined) throw new Error('Action 2.2 is not in the demo plan');
    actionPath = `/plans/${plan.id}/actions/${action.id}`;
    const defined = await charnwoodApi('post', '/measures', editor).send({
      subject: { actionId: action.id },
      title: 'Gender pay gap (median, %)',
      unit: 'percent',
      direction: 'decrease',
      baseline: { value: 8.2, on: '2024-03-31' },
      target: { kind: 'threshold', comparator: 'at-most', value: 5 },
    });
    if (defined.status !== 201) throw new Error(`Defining the measure answered ${defined.status}: ${defined.text}`);
    measurePath = `/measures/${(defined.body as { id: string }).id}`;
    await charnwoodApi('post', `${measurePath}/readings`, editor).send({ value: 7.4, on: '2025-03-31' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await dueRegard?.close();
    await writeFile(join(SCREENSHOTS, 'tracking-axe-results.json'), `${JSON.stringify(axeRecords, null, 2)}\n`);
  });

  it(
    'shows the lead their actions in due order, and lets them record a reading seen in the chart and the table',
    async () => {
      await inNewContext(browser, 'tracking-lead-records-reading', async (page) => {
        await page.goto(councilUrl('charnwood', '/'));
        await signInOnProviderPage(page, 'charnwood.lead');
        expect(page.url()).toBe(councilUrl('charnwood', '/'));

        const myActions = page.locator('section.app-my-actions');
        expect(await myActions.getByRole('heading', { name: 'My actions' }).count()).toBe(1);
        expect(await myActions.innerText()).toContain('Human Resources');
        expect(await myActions.locator('tbody tr').count()).toBeGreaterThan(0);
        await checkPage(page, 'tracking-01-home-my-actions');

        await myActions.locator(`a[href="${actionPath}"]`).click();
        await page.waitForURL(councilUrl('charnwood', actionPath));
        const measures = page.locator('.app-measures');
        expect(await measures.innerText()).toContain('Gender pay gap (median, %)');
        expect(await measures.innerText()).toContain('Latest: 7.4% on 31 March 2025');
        await checkPage(page, 'tracking-02-action-with-measure');

        await measures.getByRole('link', { name: 'Gender pay gap (median, %)' }).click();
        await page.waitForURL(councilUrl('charnwood', measurePath));
        expect(await heading(page)).toBe('Gender pay gap (median, %)');
        expect(await page.locator('svg.app-line-chart circle').count()).toBe(1);
        await checkPage(page, 'tracking-03-measure-one-reading');

        await page.getByRole('link', { name: 'Record a reading' }).click();
        expect(await heading(page)).toBe('Record a reading');
        await page.getByRole('button', { name: 'Record reading' }).click();
        await page.waitForLoadState();
        expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter the reading');
        await checkPage(page, 'tracking-04-record-reading-errors');

        await page.getByLabel('What is the reading?').fill('4.9');
        await page.getByLabel('Day').fill('31');
        await page.getByLabel('Month').fill('3');
        await page.getByLabel('Year').fill('2026');
        await page.getByLabel('Note (optional)').fill('From the 2026 pay gap report');
        await page.getByRole('button', { name: 'Record reading' }).click();
        await page.waitForURL(councilUrl('charnwood', measurePath));

        expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Reading recorded');
        expect(await page.locator('svg.app-line-chart circle').count()).toBe(2);
        const table = await page.locator('table').innerText();
        expect(table).toContain('31 March 2026');
        expect(table).toContain('4.9%');
        expect(table).toContain('From the 2026 pay gap report');
        expect(await page.locator('.govuk-summary-list').innerText()).toMatch(/RAG from the readings\s+RAG: Green/);
        await checkPage(page, 'tracking-05-measure-after-reading');
      });
    },
    2 * JOURNEY,
  );
});
