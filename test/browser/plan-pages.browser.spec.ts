import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { DemoPlans } from '@due-regard/plan-import-app';
import { ReadYourWrites } from '@due-regard/plans';
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
import { charnwoodApi, tokenFor } from './support/charnwood-api.js';
import { heading, JOURNEY, signInOnProviderPage } from './support/journeys.js';

// The read pages of the web service in Debian's Chromium: the dashboard, plans, a plan with its
// filters (with JavaScript on and off), an action's history, the public pages, and who sees which
// plan lifecycle buttons. The demo plans are imported first, as `npm start` does on a first start;
// plans in each unpublished status are added over the API. Every page visited passes axe.

const CHARNWOOD_2024 = 'Equality Strategy Action Plan 2024 – 2026';
const CHARNWOOD_2016 = 'Charnwood Borough Council Equality Strategy Action Plan 2016-2018';

interface UnpublishedPlans {
  readonly draft: string;
  readonly submitted: string;
  readonly approved: string;
}

function idOf(response: request.Response): string {
  expect([200, 201]).toContain(response.status);
  return (response.body as { id: string }).id;
}

/** A strategy with three plans under it, left in draft, submitted and approved. */
async function unpublishedPlans(): Promise<UnpublishedPlans> {
  const editor = await tokenFor('charnwood.editor');
  const admin = await tokenFor('charnwood.admin');
  const strategyId = idOf(
    await charnwoodApi('post', '/strategies', editor).send({
      title: 'Equality Strategy 2026-2030 (consultation draft)',
      period: { from: '2026-04-01', to: '2030-03-31' },
    }),
  );
  const objectiveId = idOf(
    await charnwoodApi('post', `/strategies/${strategyId}/objectives`, editor).send({
      ref: 'PEO 1',
      title: 'Know our communities',
      psedAims: ['advance-equality-of-opportunity'],
    }),
  );
  const plan = async (title: string): Promise<string> => {
    const planId = idOf(
      await charnwoodApi('post', '/plans', editor).send({
        strategyId,
        title,
        period: { from: '2026-04-01', to: '2028-03-31' },
      }),
    );
    idOf(
      await charnwoodApi('post', `/plans/${planId}/actions`, editor).send({
        ref: '1.1',
        objectiveId,
        title: 'Refresh the equality profile of the borough',
        due: 'June 2026',
        leads: ['Policy'],
        successMeasures: ['Profile published'],
      }),
    );
    return planId;
  };
  const draft = await plan('Secret draft plan 2026-2028');
  const submitted = await plan('Secret submitted plan 2026-2028');
  const approved = await plan('Secret approved plan 2026-2028');
  for (const planId of [submitted, approved]) {
    expect((await charnwoodApi('post', `/plans/${planId}/submit`, editor).send({})).status).toBe(200);
  }
  expect((await charnwoodApi('post', `/plans/${approved}/approve`, admin).send({})).status).toBe(200);
  return { draft, submitted, approved };
}

/** The numbers a chart's text alternative gives for its first row ("Whole plan: 23 actions (1 completed, …)"). */
function wholePlanFromChart(description: string): Map<string, number> {
  const match = /^Whole plan: (\d+) actions?(?: \(([^)]*)\))?\./.exec(description);
  expect(match).not.toBeNull();
  const figures = new Map<string, number>([['total', Number(match?.[1])]]);
  for (const part of (match?.[2] ?? '').split(', ').filter(Boolean)) {
    const [, count, label] = /^(\d+) (.+)$/.exec(part) ?? [];
    figures.set(label ?? '', Number(count));
  }
  return figures;
}

/** The same figures from the table under the chart: its "Whole plan" row, by column header. */
async function wholePlanFromTable(page: Page, tableIndex: number, within: string): Promise<Map<string, number>> {
  const table = page.locator(within).locator('table').nth(tableIndex);
  // The tables sit behind "Show the figures as a table": read their text whether shown or not.
  const headers = (await table.locator('thead th').allTextContents()).map((text) => text.trim());
  const cells = (await table.locator('tbody tr').first().locator('th, td').allTextContents()).map((text) =>
    text.trim(),
  );
  expect(cells[0]).toBe('Whole plan');
  const figures = new Map<string, number>();
  headers.slice(1).forEach((header, index) => {
    const value = Number(cells[index + 1]);
    if (header === 'Total') figures.set('total', value);
    else if (value > 0) figures.set(header.toLowerCase(), value);
  });
  return figures;
}

async function planHref(page: Page, title: string): Promise<string> {
  const href = await page.getByRole('link', { name: title, exact: true }).first().getAttribute('href');
  expect(href).toMatch(/^\/plans\/[A-Za-z0-9_-]+$/);
  return href ?? '';
}

describe('the plan pages in a real browser', () => {
  let dueRegard: DueRegardForBrowser;
  let browser: Browser;
  let unpublished: UnpublishedPlans;

  beforeAll(async () => {
    dueRegard = await startDueRegardOnPort3000();
    browser = await launchChromium();
    await dueRegard.app.get(DemoPlans).seed();
    unpublished = await unpublishedPlans();
    const freshness = dueRegard.app.get(ReadYourWrites);
    for (const council of ['charnwood', 'leicestershire']) {
      expect(await freshness.awaitProjection(council, 60_000)).toBe('current');
    }
  }, 4 * JOURNEY);

  afterAll(async () => {
    await browser?.close();
    await dueRegard?.close();
    await writeFile(join(SCREENSHOTS, 'read-axe-results.json'), `${JSON.stringify(axeRecords, null, 2)}\n`);
  });

  it(
    'lets charnwood.viewer see the dashboard, a plan filtered by status, the strategy and an action’s history',
    async () => {
      await inNewContext(browser, 'read-viewer-journey', async (page) => {
        await page.goto(councilUrl('charnwood', '/'));
        await checkPage(page, 'read-01-sign-in');
        await signInOnProviderPage(page, 'charnwood.viewer');

        expect(page.url()).toBe(councilUrl('charnwood', '/'));
        expect(await heading(page)).toBe('Dashboard');
        expect(await page.locator('main').innerText()).toContain(
          'You’re signed in as Daniel Kowalski, a viewer for Charnwood Borough Council.',
        );
        const navigation = await page.locator('.govuk-service-navigation__list').innerText();
        expect(navigation).toContain('Plans');
        expect(navigation).not.toContain('Import');
        await checkPage(page, 'read-02-dashboard');

        // The chart and the table beside it give the same figures: the 2024-2026 plan, by status and by RAG.
        const section = `section:has(h2:has-text("${CHARNWOOD_2024}"))`;
        const charts = page.locator(section).locator('svg[role="img"]');
        expect(await charts.count()).toBe(2);
        for (const [index, chart] of (await charts.all()).entries()) {
          const fromChart = wholePlanFromChart((await chart.locator('desc').textContent()) ?? '');
          expect(fromChart.get('total')).toBe(23);
          expect(await wholePlanFromTable(page, index, section)).toEqual(fromChart);
        }
        expect(await page.getByRole('heading', { name: 'Recent changes' }).isVisible()).toBe(true);
        // One published plan: the overdue actions need no column naming it.
        const overdueHeaders = await page
          .locator('table:has(caption:has-text("Overdue actions")) thead th')
          .allInnerTexts();
        expect(overdueHeaders).toEqual(['Ref', 'Action', 'Due', 'Leads', 'Status', 'RAG']);

        await page.getByRole('link', { name: CHARNWOOD_2024, exact: true }).first().click();
        expect(await heading(page)).toBe(CHARNWOOD_2024);
        // A reader gets no lifecycle buttons and no links to add to the plan.
        expect(await page.locator('main form[method="post"]').count()).toBe(0);
        expect(await page.getByRole('link', { name: 'Add an action' }).count()).toBe(0);
        await checkPage(page, 'read-03-plan');

        await page.getByLabel('Status', { exact: true }).selectOption('completed');
        await page.getByRole('button', { name: 'Apply filters' }).click();
        await page.waitForLoadState();
        expect(new URL(page.url()).searchParams.get('status')).toBe('completed');
        const statuses = await page.locator('main table.app-action-table tbody tr td:nth-child(5)').allInnerTexts();
        expect(statuses.length).toBeGreaterThan(0);
        expect(statuses.every((status) => status.includes('Completed'))).toBe(true);
        expect(await page.locator('main').innerText()).toMatch(/Showing \d+ of 23 actions\./);
        await checkPage(page, 'read-04-plan-filtered');

        // Grace Okafor (charnwood.lead) recorded progress on 2.5: her name is looked up for the history.
        await page.getByRole('link', { name: 'Clear filters' }).click();
        const row = page
          .locator('main table.app-action-table tbody tr')
          .filter({ has: page.getByText('2.5', { exact: true }) });
        const actionHref = await row.getByRole('link').first().getAttribute('href');
        expect(actionHref).toMatch(/^\/plans\/[^/]+\/actions\/[^/]+$/);
        await page.goto(councilUrl('charnwood', `${actionHref ?? ''}/history`));
        expect(await heading(page)).toBe('Change history');
        const history = await page.locator('main table').innerText();
        expect(history).toContain('Grace Okafor');
        expect(history).toContain('Progress as of 30 June 2025');
        expect(history).toMatch(/\d{1,2} [A-Z][a-z]+ \d{4} at \d{1,2}:\d{2}[ap]m/);
        expect(history).toContain('Import');
        expect(history).not.toContain('6342acf9-8892-484d-aea4-7a693e741c33');
        await checkPage(page, 'read-05-action-history');

        await page.goto(councilUrl('charnwood', '/plans'));
        expect(await heading(page)).toBe('Action plans');
        const plans = await page.locator('main table').innerText();
        expect(plans).toContain(CHARNWOOD_2016);
        expect(plans).toContain('Closed');
        expect(plans).toContain('Secret draft plan 2026-2028');
        await checkPage(page, 'read-06-plans');

        await page.getByRole('link', { name: 'Equality Strategy 2026-2030 (consultation draft)' }).first().click();
        expect(await heading(page)).toBe('Equality Strategy 2026-2030 (consultation draft)');
        expect(await page.locator('main').innerText()).toContain('PEO 1: Know our communities');
        await checkPage(page, 'read-07-strategy');

        const missing = await page.goto(councilUrl('charnwood', '/plans/no-such-plan'));
        expect(missing?.status()).toBe(404);
        expect(await heading(page)).toBe('Page not found');
        await checkPage(page, 'read-08-plan-not-found');
      });
    },
    2 * JOURNEY,
  );

  it(
    'filters a plan with JavaScript switched off',
    async () => {
      await inNewContext(
        browser,
        'read-filters-without-javascript',
        async (page, context) => {
          await page.goto(councilUrl('charnwood', '/plans'));
          await signInOnProviderPage(page, 'charnwood.viewer');
          await page.goto(councilUrl('charnwood', await planHref(page, CHARNWOOD_2024)));
          expect(await page.locator('body').getAttribute('class')).not.toContain('js-enabled');
          await page.getByLabel('Status', { exact: true }).selectOption('in-progress');
          await page.getByLabel('Lead', { exact: true }).selectOption('Human Resources');
          await page.getByRole('button', { name: 'Apply filters' }).click();
          await page.waitForLoadState();
          const query = new URL(page.url()).searchParams;
          expect([query.get('status'), query.get('lead')]).toEqual(['in-progress', 'Human Resources']);
          const rows = page.locator('main table.app-action-table tbody tr');
          expect(await rows.count()).toBeGreaterThan(0);
          for (const cells of await rows.all()) {
            expect(await cells.locator('td').nth(4).innerText()).toContain('In progress');
            expect(await cells.locator('td').nth(3).innerText()).toContain('Human Resources');
          }
          await checkPageWithoutJavaScript(browser, page, context, 'read-09-plan-filtered-without-javascript');
        },
        { javaScriptEnabled: false },
      );
    },
    JOURNEY,
  );

  it(
    "shows leicestershire.editor a 403 page on Charnwood's plan, and nothing of it on their own council",
    async () => {
      await inNewContext(browser, 'read-outsider', async (page) => {
        const plans = await request(PLATFORM_URL)
          .get('/api/v1/plans')
          .set('Host', 'charnwood.localhost:3000')
          .auth(await tokenFor('charnwood.viewer'), { type: 'bearer' });
        const planId = (plans.body as { plans: { id: string; title: string }[] }).plans.find(
          (plan) => plan.title === CHARNWOOD_2024,
        )?.id;
        expect(planId).toBeDefined();

        await page.goto(councilUrl('charnwood', `/plans/${planId ?? ''}`));
        await signInOnProviderPage(page, 'leicestershire.editor');
        expect(await heading(page)).toBe('You do not have access to this page');
        expect(await page.locator('main').innerText()).not.toContain(CHARNWOOD_2024);
        expect((await page.reload())?.status()).toBe(403);
        await checkPage(page, 'read-10-forbidden-plan');

        // On Leicestershire's own sub-domain, Charnwood's plan id finds nothing: its rows are not visible there.
        const elsewhere = await page.goto(councilUrl('leicestershire', `/plans/${planId ?? ''}`));
        expect(elsewhere?.status()).toBe(404);
        expect(await heading(page)).toBe('Page not found');
        await checkPage(page, 'read-11-other-councils-plan-not-found');
      });
    },
    JOURNEY,
  );

  it(
    'shows residents the published plans without signing in, and nothing unpublished',
    async () => {
      await inNewContext(browser, 'read-public', async (page) => {
        await page.goto(councilUrl('charnwood', '/public'));
        expect(await heading(page)).toBe('Published plans');
        const main = await page.locator('main').innerText();
        expect(main).toContain(CHARNWOOD_2024);
        expect(main).toContain('Earlier plans');
        expect(main).toContain(CHARNWOOD_2016);
        expect(main).toMatch(/\d+ of 23 actions done \(\d+%\)/);
        expect(main).not.toContain('Secret');
        expect(main).not.toContain('RAG');
        await checkPage(page, 'read-12-public');

        await page.getByRole('link', { name: `See every action in ${CHARNWOOD_2024}` }).click();
        expect(await heading(page)).toBe(CHARNWOOD_2024);
        const plan = await page.locator('main').innerText();
        expect(plan).toContain('Where it stands');
        expect(plan).toContain('Done');
        expect(plan).not.toContain('RAG');
        await checkPage(page, 'read-13-public-plan');

        for (const planId of [unpublished.draft, unpublished.submitted, unpublished.approved]) {
          const hidden = await page.goto(councilUrl('charnwood', `/public/plans/${planId}`));
          expect(hidden?.status()).toBe(404);
        }
        expect(await heading(page)).toBe('Page not found');
        await checkPage(page, 'read-14-public-unpublished-plan-not-found');

        await page.goto(councilUrl('leicestershire', '/public'));
        expect(await page.locator('main').innerText()).not.toContain(CHARNWOOD_2024);
        await checkPage(page, 'read-15-public-leicestershire');
      });
    },
    JOURNEY,
  );

  it(
    'shows charnwood.admin the one lifecycle button each plan allows, and charnwood.viewer none',
    async () => {
      const buttonsOn = async (page: Page, planId: string): Promise<string[]> => {
        await page.goto(councilUrl('charnwood', `/plans/${planId}`));
        const forms = page.locator('main form[method="post"]');
        const labels: string[] = [];
        for (const form of await forms.all()) {
          expect(await form.locator('input[name="_csrf"]').getAttribute('value')).toMatch(/.+/);
          expect(await form.locator('input[name="version"]').getAttribute('value')).toMatch(/^\d+$/);
          labels.push(
            `${(await form.getAttribute('action')) ?? ''} ${(await form.locator('button').innerText()).trim()}`,
          );
        }
        // Publishing and closing cannot be taken back: their buttons lead to a confirmation page first.
        // (Returning to draft and discarding a draft are steps back, not the plan's next step.)
        for (const link of await page.locator('main .app-lifecycle a.govuk-button').all()) {
          const href = (await link.getAttribute('href')) ?? '';
          if (/\/(publish|close)$/.test(href)) labels.push(`${href} ${(await link.innerText()).trim()}`);
        }
        return labels;
      };
      await inNewContext(browser, 'read-admin-buttons', async (page) => {
        await page.goto(councilUrl('charnwood', '/plans'));
        await signInOnProviderPage(page, 'charnwood.admin');
        expect(await page.locator('.govuk-service-navigation__list').innerText()).toContain('Import');
        const published = (await planHref(page, CHARNWOOD_2024)).replace('/plans/', '');
        const closed = (await planHref(page, CHARNWOOD_2016)).replace('/plans/', '');

        expect(await buttonsOn(page, unpublished.draft)).toEqual([
          `/plans/${unpublished.draft}/submit Submit for approval`,
        ]);
        expect(await buttonsOn(page, unpublished.submitted)).toEqual([
          `/plans/${unpublished.submitted}/approve Approve plan`,
        ]);
        await checkPage(page, 'read-16-admin-submitted-plan');
        expect(await buttonsOn(page, unpublished.approved)).toEqual([
          `/plans/${unpublished.approved}/publish Publish plan`,
        ]);
        expect(await buttonsOn(page, published)).toEqual([`/plans/${published}/close Close plan`]);
        expect(await page.getByRole('link', { name: 'Add an action' }).getAttribute('href')).toBe(
          `/plans/${published}/actions/new`,
        );
        await checkPage(page, 'read-17-admin-published-plan');
        expect(await buttonsOn(page, closed)).toEqual([]);
        expect(await page.getByRole('link', { name: 'Add an action' }).count()).toBe(0);

        // The administrator's settings: how a bare "Q1" in due text reads.
        await page.getByRole('link', { name: 'Settings' }).click();
        expect(await heading(page)).toBe('Council settings');
        await checkPage(page, 'read-19-admin-settings');
        await page.getByLabel('Financial year').check();
        await page.getByRole('button', { name: 'Save settings' }).click();
        await page.waitForURL(councilUrl('charnwood', '/settings'));
        expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Settings saved');
        expect(await page.locator('.govuk-summary-list').innerText()).toContain('Financial year (Q1 is April to June)');
        await checkPage(page, 'read-20-admin-settings-saved');
        await page.getByLabel('Calendar year').check();
        await page.getByRole('button', { name: 'Save settings' }).click();
        await page.waitForURL(councilUrl('charnwood', '/settings'));
      });
      await inNewContext(browser, 'read-viewer-buttons', async (page) => {
        await page.goto(councilUrl('charnwood', '/plans'));
        await signInOnProviderPage(page, 'charnwood.viewer');
        for (const planId of [unpublished.draft, unpublished.submitted, unpublished.approved])
          expect(await buttonsOn(page, planId)).toEqual([]);
        await checkPage(page, 'read-18-viewer-approved-plan');
      });
    },
    2 * JOURNEY,
  );
});
