import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DemoPlans } from '@due-regard/plan-import-app';
import {
  axeRecords,
  checkPage,
  checkPageWithoutJavaScript,
  inNewContext,
  launchChromium,
  SCREENSHOTS,
} from './support/chromium.js';
import { councilUrl, startDueRegardOnPort3000, type DueRegardForBrowser } from './support/due-regard-on-port-3000.js';
import { DEMO_PASSWORD } from '@due-regard/testing';
import { charnwoodApi, tokenFor } from './support/charnwood-api.js';
import {
  focusedId,
  focusedText,
  heading,
  JOURNEY,
  SIGN_IN_PAGE,
  signInOnProviderPage,
  tabTo,
} from './support/journeys.js';

// The action page and the record-progress form in Debian's Chromium, on the demo councils' plans:
// action 2.2 of Charnwood's published 2024-2026 plan, which Human Resources leads (the team of the
// demo action lead, charnwood.lead). The plan page is another part of the service: the action's
// page is opened directly. Every page visited is screenshotted and checked with axe.

const SIGNED_OUT = councilUrl('charnwood', '/signed-out');

describe('the plan forms in a real browser', () => {
  let dueRegard: DueRegardForBrowser;
  let browser: Browser;
  let actionPath: string;
  let planPath: string;
  let otherActionPath: string;
  let strategyId: string;

  beforeAll(async () => {
    dueRegard = await startDueRegardOnPort3000();
    // A test start (NODE_ENV=test) has the demo councils but not their plans: import them as `npm start` does.
    await dueRegard.app.get(DemoPlans).seed();
    const token = await tokenFor('charnwood.viewer');
    const api = async <T>(path: string): Promise<T> => (await charnwoodApi('get', path, token)).body as T;
    const { plans } = await api<{ plans: { id: string; title: string; status: string; strategyId: string }[] }>(
      '/plans',
    );
    const plan = plans.find((candidate) => candidate.status === 'published' && candidate.title.includes('2024'));
    if (plan === undefined) throw new Error("No published 2024-2026 plan in Charnwood's demo data");
    const { actions } = await api<{ actions: { id: string; ref: string | null; leads: string[] }[] }>(
      `/plans/${plan.id}`,
    );
    const action = actions.find((candidate) => candidate.ref === '2.2');
    if (action === undefined || !action.leads.includes('Human Resources')) {
      throw new Error('Action 2.2, led by Human Resources, is not in the demo plan');
    }
    actionPath = `/plans/${plan.id}/actions/${action.id}`;
    planPath = `/plans/${plan.id}`;
    otherActionPath = `/plans/${plan.id}/actions/${actions.find((candidate) => candidate.ref === '1.4')?.id ?? ''}`;
    strategyId = plan.strategyId;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await dueRegard?.close();
    await writeFile(join(SCREENSHOTS, 'forms-axe-results.json'), `${JSON.stringify(axeRecords, null, 2)}\n`);
  });

  const actionUrl = () => councilUrl('charnwood', actionPath);
  const progressUrl = () => councilUrl('charnwood', `${actionPath}/progress`);

  /** A plan of one action, submitted for approval by the demo editor through the API: its page's path. */
  async function submittedPlanPath(): Promise<string> {
    const token = await tokenFor('charnwood.editor');
    const send = async <T>(path: string, body: object): Promise<T> => {
      const response = await charnwoodApi('post', path, token).send(body);
      if (response.status >= 300) throw new Error(`POST ${path} answered ${response.status}: ${response.text}`);
      return response.body as T;
    };
    const strategy = (await charnwoodApi('get', `/strategies/${strategyId}`, token)).body as {
      objectives: { id: string }[];
    };
    const plan = await send<{ id: string }>('/plans', {
      strategyId,
      title: 'Equality Action Plan 2026-2028',
      period: { from: '2026-04-01', to: '2028-03-31' },
    });
    await send(`/plans/${plan.id}/actions`, {
      ref: '1.1',
      objectiveId: strategy.objectives[0]?.id,
      title: 'Publish the gender pay gap report',
      due: 'March 2027',
    });
    await send(`/plans/${plan.id}/submit`, {});
    return `/plans/${plan.id}`;
  }

  /** The newest entry of the action's progress timeline. */
  async function latestProgress(page: Page): Promise<string> {
    return (await page.locator('.app-timeline__item').first().innerText()).trim();
  }

  it(
    "lets the Human Resources lead record progress on their team's action, and a viewer read it",
    async () => {
      await inNewContext(browser, 'forms-lead-records-progress', async (page) => {
        // As a newcomer would: the council's address, sign in, then links from the dashboard to the action.
        await page.goto(councilUrl('charnwood', '/'));
        await checkPage(page, 'forms-01-provider-sign-in');
        await signInOnProviderPage(page, 'charnwood.lead');
        expect(page.url()).toBe(councilUrl('charnwood', '/'));
        await page.locator(`main a[href="${planPath}"]`).first().click();
        await page.waitForURL(councilUrl('charnwood', planPath));
        await page.locator(`main a[href="${actionPath}"]`).first().click();
        await page.waitForURL(actionUrl());
        expect(await heading(page)).toMatch(/^Action 2\.2: Undertake gender and ethnicity pay gap reporting/);
        expect(await page.locator('.govuk-summary-list').innerText()).toContain('Human Resources');
        await checkPage(page, 'forms-02-action-page-lead');

        await page.getByRole('link', { name: 'Record progress' }).click();
        expect(await heading(page)).toBe('Record progress');
        await checkPage(page, 'forms-03-record-progress');
        await page.getByLabel('In progress').check();
        await page.getByLabel('Green').check();
        await page.getByLabel('Progress to date').fill('Gender pay gap report for 2025 published on the intranet.');
        await page.getByRole('button', { name: 'Record progress' }).click();
        await page.waitForURL(actionUrl());

        expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Progress recorded');
        expect(await latestProgress(page)).toContain('Gender pay gap report for 2025 published on the intranet.');
        await checkPage(page, 'forms-04-action-page-after-progress');

        await page.getByRole('button', { name: 'Sign out' }).click();
        await page.waitForURL(SIGNED_OUT);
        await checkPage(page, 'forms-05-signed-out');
      });

      await inNewContext(browser, 'forms-viewer-reads-progress', async (page) => {
        await page.goto(actionUrl());
        await checkPage(page, 'forms-06a-provider-sign-in-viewer');
        await signInOnProviderPage(page, 'charnwood.viewer');
        expect(page.url()).toBe(actionUrl());
        expect(await latestProgress(page)).toContain('Gender pay gap report for 2025 published on the intranet.');
        expect(await page.getByRole('link', { name: 'Record progress' }).count()).toBe(0);
        expect(await page.getByRole('link', { name: 'Edit action' }).count()).toBe(0);
        expect(await page.getByRole('link', { name: /View history/ }).getAttribute('href')).toBe(
          `${actionPath}/history`,
        );
        await checkPage(page, 'forms-06-action-page-viewer');
      });
    },
    2 * JOURNEY,
  );

  it(
    'shows the error summary on a form sent empty, and links each error to its field',
    async () => {
      await inNewContext(browser, 'forms-empty-form', async (page) => {
        await page.goto(progressUrl());
        await checkPage(page, 'forms-07a-provider-sign-in-lead');
        await checkPage(page, 'forms-07b-record-progress-before-sending');
        await signInOnProviderPage(page, 'charnwood.lead');
        expect(page.url()).toBe(progressUrl());
        await page.getByRole('button', { name: 'Record progress' }).click();
        await page.waitForLoadState();
        expect(await page.title()).toMatch(/^Error: Record progress – /);
        const summary = page.locator('.govuk-error-summary');
        expect(await summary.innerText()).toContain('Describe the progress made');
        // govuk-frontend moves the focus to the summary, so that a screen reader announces it.
        expect(await page.evaluate("document.activeElement?.classList.contains('govuk-error-summary')")).toBe(true);
        expect(await page.locator('#narrative-error').innerText()).toContain('Describe the progress made');
        await checkPage(page, 'forms-07-record-progress-errors');
        await summary.getByRole('link', { name: 'Describe the progress made' }).click();
        expect(await focusedId(page)).toBe('narrative');
      });
    },
    2 * JOURNEY,
  );

  it(
    "shows what changed when someone else updated the action while the form was open, keeping the user's text",
    async () => {
      await inNewContext(browser, 'forms-stale-edit', async (first, firstContext) => {
        await first.goto(progressUrl());
        await checkPage(first, 'forms-08a-provider-sign-in-lead');
        await checkPage(first, 'forms-08b-record-progress-first-context');
        await signInOnProviderPage(first, 'charnwood.lead');
        const second = await browser.newContext({
          locale: 'en-GB',
          viewport: { width: 1024, height: 768 },
          storageState: await firstContext.storageState(),
        });
        try {
          const other = await second.newPage();
          await other.goto(progressUrl());
          expect(await heading(other)).toBe('Record progress');
          await checkPage(other, 'forms-08c-record-progress-second-context');

          await first.getByLabel('Progress to date').fill('Ethnicity pay gap data collected from the HR system.');
          await first.getByRole('button', { name: 'Record progress' }).click();
          await first.waitForURL(actionUrl());
          await checkPage(first, 'forms-08d-action-page-first-context');

          await other.getByLabel('Amber').check();
          await other.getByLabel('Progress to date').fill('Pay gap figures checked by Finance.');
          await other.getByRole('button', { name: 'Record progress' }).click();
          await other.waitForLoadState();
          expect(await heading(other)).toBe('This action changed while you were editing');
          const changes = await other.locator('.app-changes').innerText();
          expect(changes).toContain('Ethnicity pay gap data collected from the HR system.');
          expect(changes).toContain('by Grace Okafor');
          expect(await other.getByLabel('Progress to date').inputValue()).toBe('Pay gap figures checked by Finance.');
          expect(await other.getByLabel('Amber').isChecked()).toBe(true);
          await checkPage(other, 'forms-08-stale-edit-conflict');

          await other.getByRole('button', { name: 'Send again' }).click();
          await other.waitForURL(actionUrl());
          expect(await latestProgress(other)).toContain('Pay gap figures checked by Finance.');
          await checkPage(other, 'forms-09-action-page-after-sending-again');
        } finally {
          await second.close();
        }
      });
    },
    2 * JOURNEY,
  );

  it(
    'records progress with JavaScript switched off',
    async () => {
      await inNewContext(
        browser,
        'forms-no-javascript',
        async (page, context) => {
          await page.goto(actionUrl());
          // The provider's page is checked with axe in the other journeys: its twin here would start another sign-in.
          await signInOnProviderPage(page, 'charnwood.lead');
          expect(await page.locator('body').getAttribute('class')).not.toContain('js-enabled');
          await checkPageWithoutJavaScript(browser, page, context, 'forms-10-action-page-without-javascript');
          await page.getByRole('link', { name: 'Record progress' }).click();
          await checkPageWithoutJavaScript(browser, page, context, 'forms-11-record-progress-without-javascript');
          await page.getByLabel('Ongoing').check();
          await page.getByLabel('Amber').check();
          await page.getByLabel('Progress to date').fill('Reported to the Equality Working Group without scripts.');
          const today = new Date();
          await page.getByLabel('Day').fill(String(today.getDate()));
          await page.getByLabel('Month').fill(String(today.getMonth() + 1));
          await page.getByLabel('Year').fill(String(today.getFullYear()));
          await page.getByRole('button', { name: 'Record progress' }).click();
          await page.waitForURL(actionUrl());
          expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Progress recorded');
          expect(await latestProgress(page)).toContain('Reported to the Equality Working Group without scripts.');
          expect(await latestProgress(page)).toContain('Ongoing');
          await checkPageWithoutJavaScript(
            browser,
            page,
            context,
            'forms-12-action-page-after-progress-without-javascript',
          );
        },
        { javaScriptEnabled: false },
      );
    },
    2 * JOURNEY,
  );

  it(
    'records progress with the keyboard alone: Tab, Enter and Space',
    async () => {
      await inNewContext(browser, 'forms-keyboard-only', async (page) => {
        await page.goto(actionUrl());
        await page.waitForURL(SIGN_IN_PAGE);
        await checkPage(page, 'forms-13a-provider-sign-in-keyboard');
        await page.keyboard.press('Tab');
        expect(await focusedId(page)).toBe('username');
        await page.keyboard.type('charnwood.lead');
        await page.keyboard.press('Tab');
        await page.keyboard.type(DEMO_PASSWORD);
        await page.keyboard.press('Tab');
        expect(await focusedText(page)).toBe('Sign in');
        await page.keyboard.press('Space');
        await page.waitForURL(actionUrl());
        await checkPage(page, 'forms-13-action-page-keyboard');

        await tabTo(page, 'Record progress', 60);
        await page.keyboard.press('Enter');
        await page.waitForURL(progressUrl());
        await checkPage(page, 'forms-14-record-progress-keyboard');

        // Tab reaches each radio group at its checked option (the action's status and rating now);
        // Space chooses it. Then the narrative, typed; the date left blank for today.
        await tabToField(page, 'status');
        await page.keyboard.press('Space');
        await tabToField(page, 'rag');
        await page.keyboard.press('Space');
        await tabToField(page, 'narrative');
        await page.keyboard.type('Pay gap action plan agreed, using only the keyboard.');
        await tabTo(page, 'Record progress');
        await page.keyboard.press('Enter');
        await page.waitForURL(actionUrl());
        expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Progress recorded');
        expect(await latestProgress(page)).toContain('Pay gap action plan agreed, using only the keyboard.');
        await checkPage(page, 'forms-15-action-page-after-keyboard-progress');
      });
    },
    2 * JOURNEY,
  );
  it(
    'takes a plan editor through the other forms: each, and each with its errors, passing axe',
    async () => {
      await inNewContext(browser, 'forms-editor', async (page) => {
        const otherActionUrl = councilUrl('charnwood', otherActionPath);
        await page.goto(otherActionUrl);
        await checkPage(page, 'forms-16a-provider-sign-in-editor');
        await signInOnProviderPage(page, 'charnwood.editor');
        expect(page.url()).toBe(otherActionUrl);
        await checkPage(page, 'forms-16-action-page-editor');

        await page.getByRole('link', { name: 'Change due date' }).click();
        expect(await heading(page)).toBe('Change the due date');
        await checkPage(page, 'forms-17-change-due-date');
        await page.getByLabel('When is it due now?').fill('');
        await page.getByRole('button', { name: 'Change the due date' }).click();
        await page.waitForLoadState();
        expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter the new due');
        await checkPage(page, 'forms-18-change-due-date-errors');
        await page.getByLabel('When is it due now?').fill('Sept 2025 and Sept 2026');
        await page.getByLabel('Why has the due date changed?').fill('The intranet relaunch moved to 2025');
        await page.getByRole('button', { name: 'Change the due date' }).click();
        await page.waitForURL(otherActionUrl);
        await checkPage(page, 'forms-18b-action-page-after-due-change');
        expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Due date changed');
        expect(await page.locator('.govuk-summary-list').innerText()).toContain('30 September 2026');

        await page.getByRole('link', { name: 'Edit action' }).click();
        expect(await heading(page)).toBe('Edit action');
        await checkPage(page, 'forms-19-edit-action');
        await page.getByLabel('Action', { exact: true }).fill('');
        await page.getByRole('button', { name: 'Save changes' }).click();
        await page.waitForLoadState();
        expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter the action');
        await checkPage(page, 'forms-20-edit-action-errors');
        await page
          .getByLabel('Action', { exact: true })
          .fill('Raise awareness of the Equality Impact Assessment process in every directorate.');
        await page.getByLabel('Disability').check();
        await page.getByRole('button', { name: 'Save changes' }).click();
        await page.waitForURL(otherActionUrl);
        expect(await heading(page)).toContain('in every directorate');
        await checkPage(page, 'forms-21-action-page-after-edit');

        await page.goto(councilUrl('charnwood', `${planPath}/actions/new`));
        expect(await heading(page)).toBe('Add an action');
        await checkPage(page, 'forms-22-add-action');
        await page.getByRole('button', { name: 'Add action' }).click();
        await page.waitForLoadState();
        expect(await page.locator('.govuk-error-summary').innerText()).toContain(
          'Select the objective the action serves',
        );
        await checkPage(page, 'forms-23-add-action-errors');
        await page.getByLabel('Reference (optional)').fill('4.9');
        await page.getByLabel('Objective').selectOption({ index: 1 });
        await page
          .getByLabel('Action', { exact: true })
          .fill('Publish the workforce equality report in an accessible format.');
        await page.getByLabel('When is it due? (optional)').fill('Annual – July 2025');
        await page.getByLabel('Leads (optional)').fill('Human Resources\nCommunications');
        await page.getByRole('button', { name: 'Add action' }).click();
        await page.waitForURL(/\/actions\/[0-9a-f-]{36}$/);
        expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Action added');
        expect(await page.locator('.govuk-summary-list').innerText()).toContain('Communications');
        await checkPage(page, 'forms-24-action-page-after-adding');

        await page.goto(councilUrl('charnwood', `/strategies/${strategyId}/objectives/new`));
        expect(await heading(page)).toBe('Add an objective');
        await checkPage(page, 'forms-25-add-objective');
        await page.getByRole('button', { name: 'Add objective' }).click();
        await page.waitForLoadState();
        expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter the objective');
        await checkPage(page, 'forms-26-add-objective-errors');

        await page.goto(councilUrl('charnwood', '/plans/new'));
        expect(await heading(page)).toBe('Draft an action plan');
        await checkPage(page, 'forms-27-draft-plan');
        await page.getByRole('button', { name: 'Draft the plan' }).click();
        await page.waitForLoadState();
        const summary = await page.locator('.govuk-error-summary').innerText();
        expect(summary).toContain('Select the strategy the plan carries out');
        expect(summary).toContain('Enter the date the plan starts');
        await checkPage(page, 'forms-28-draft-plan-errors');
      });
    },
    3 * JOURNEY,
  );

  it(
    'lets an administrator return a submitted plan to draft with a reason, which its editors then read on the plan and in its history',
    async () => {
      const planUrl = councilUrl('charnwood', await submittedPlanPath());
      await inNewContext(browser, 'forms-return-plan', async (page) => {
        await page.goto(planUrl);
        await signInOnProviderPage(page, 'charnwood.admin');
        expect(page.url()).toBe(planUrl);
        await checkPage(page, 'forms-29-submitted-plan-admin');
        await page.getByRole('button', { name: 'Return to draft' }).click();
        expect(await heading(page)).toBe('Return the plan to draft');
        await checkPage(page, 'forms-30-return-plan');
        await page.getByRole('button', { name: 'Return to draft' }).click();
        await page.waitForLoadState();
        expect(await page.locator('.govuk-error-summary').innerText()).toContain('Say why the plan is returned');
        await checkPage(page, 'forms-31-return-plan-errors');
        await page
          .getByLabel('Why are you returning the plan?')
          .fill('Action 1.1 needs a success measure.\nAdd one, then submit the plan again.');
        await page.getByRole('button', { name: 'Return to draft' }).click();
        await page.waitForURL(planUrl);
        expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Plan returned to draft');
        const returned = await page.locator('.app-plan-returned').innerText();
        expect(returned).toContain('Amira Patel returned this plan to draft on');
        expect(returned).toContain('Action 1.1 needs a success measure.\nAdd one, then submit the plan again.');
        expect(await page.getByRole('button', { name: 'Submit for approval' }).count()).toBe(1);
        await checkPage(page, 'forms-32-plan-returned-to-draft');
        await page.getByRole('link', { name: 'View history of this plan' }).click();
        expect(await heading(page)).toBe('Change history');
        const rows = await page.locator('tbody tr').allInnerTexts();
        expect(rows[0]).toContain(
          'Returned to draft: "Action 1.1 needs a success measure. Add one, then submit the plan again."',
        );
        // Returned on this page; submitted by the editor through the API.
        expect(rows[0]).toMatch(/Web$/);
        expect(rows[1]).toMatch(/Submitted for approval\s+API$/);
        await checkPage(page, 'forms-33-plan-history');
      });
    },
    JOURNEY,
  );
});

/** Presses Tab until a field of this name has the focus. */
async function tabToField(page: Page, name: string, limit = 30): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate("document.activeElement?.getAttribute('name')")) === name) return;
  }
  throw new Error(`No field named ${name} was reached with ${limit} presses of Tab`);
}
