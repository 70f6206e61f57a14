import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** Debian's chromium: the suite never downloads a browser (.ci/run installs the package). */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(import.meta.dirname, '..', '..', '..', 'test-output', 'screenshots');
const FAILURES = join(SCREENSHOTS, 'failures');

/** WCAG 2.0 A and AA, 2.1 AA and 2.2 AA: the rules axe can check for the standard councils must meet. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
/** The same, and axe's best-practice rules (landmarks, headings, one main…). */
export const WCAG_AND_BEST_PRACTICE = [...WCAG_TAGS, 'best-practice'];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install Debian's package (apt-get install -y chromium), or set CHROMIUM_PATH.`,
    );
  }
  await mkdir(FAILURES, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** What axe found on one page, kept for the suite's summary. */
export interface AxeRecord {
  readonly page: string;
  readonly url: string;
  readonly violations: number;
  readonly passes: number;
}

export const axeRecords: AxeRecord[] = [];

/** Readable violations: rule, impact, what it is about, and where. */
function describeViolations(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string[] {
  return violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help} at ${violation.nodes
        .map((node) => node.target.join(' '))
        .join(', ')}`,
  );
}

/**
 * Every page the suite visits: a screenshot for a reviewer (test-output/screenshots/<name>.png)
 * and axe with the WCAG 2.2 AA tags, which must find nothing.
 */
export async function checkPage(page: Page, name: string, tags: readonly string[] = WCAG_TAGS): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  await analyse(page, name, tags);
}

async function analyse(page: Page, name: string, tags: readonly string[] = WCAG_TAGS): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags([...tags]).analyze();
  axeRecords.push({
    page: name,
    url: page.url(),
    violations: results.violations.length,
    passes: results.passes.length,
  });
  expect({ page: name, violations: describeViolations(results.violations) }).toEqual({ page: name, violations: [] });
}

/**
 * A page in a context with JavaScript switched off: the screenshot is taken there. axe itself runs
 * as JavaScript in the page, so it checks a twin: the same address with the same cookies, our
 * script blocked and the template's `js-enabled` classes removed, which is how the page renders
 * without JavaScript.
 */
export async function checkPageWithoutJavaScript(
  browser: Browser,
  page: Page,
  context: BrowserContext,
  name: string,
  tags: readonly string[] = WCAG_TAGS,
): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const twin = await browser.newContext({ locale: 'en-GB', viewport: page.viewportSize() ?? undefined });
  try {
    await twin.addCookies(await context.cookies());
    const twinPage = await twin.newPage();
    await twinPage.route('**/assets/app/init.js*', (route) => route.abort());
    await twinPage.goto(page.url());
    await twinPage.evaluate("document.body.classList.remove('js-enabled', 'govuk-frontend-supported')");
    await analyse(twinPage, name, tags);
  } finally {
    await twin.close();
  }
}

/**
 * One journey in a fresh browser context (its own cookies): on failure, a screenshot of where it
 * stopped goes to test-output/screenshots/failures/<name>.png before the error is reported.
 */
export async function inNewContext(
  browser: Browser,
  name: string,
  journey: (page: Page, context: BrowserContext) => Promise<void>,
  options: BrowserContextOptions = {},
): Promise<void> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1024, height: 768 }, ...options });
  const page = await context.newPage();
  try {
    await journey(page, context);
  } catch (error) {
    await page.screenshot({ path: join(FAILURES, `${name}.png`), fullPage: true }).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}
