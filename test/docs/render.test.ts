import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_TYPES } from '../spec/support/report-types.js';
import { ensureSiteBuilt, repoRoot, sitePage } from './support/built-site.js';

const TAGS = ['Reports', 'Jobs', 'Reference data'];
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Text as rendered: innerText leaves out what CSS hides, which is the point of these checks. */
function visibleText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: rendered text is what is being tested.
  return locator.innerText();
}

interface SpecOperation {
  readonly summary: string;
  readonly path: string;
  readonly tag: string;
  readonly deprecated: boolean;
}

function specOperations(): SpecOperation[] {
  const spec = JSON.parse(readFileSync(path.join(repoRoot, 'generated/openapi.json'), 'utf8'));
  type Op = { summary?: string; tags?: string[]; deprecated?: boolean };
  return Object.entries(spec.paths as Record<string, Record<string, Op>>).flatMap(([apiPath, item]) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'post'].includes(method))
      .map(([, op]) => ({
        summary: String(op.summary),
        path: apiPath,
        tag: String(op.tags?.[0]),
        deprecated: op.deprecated === true,
      })),
  );
}

describe('docs page (site/index.html) in headless Chromium, offline', () => {
  let browser: Browser;
  let page: Page;
  const offHostRequests: string[] = [];
  const pageErrors: string[] = [];
  const operations = specOperations();

  // The sidebar is nested menus; tags open as an accordion (opening one closes the others).
  const sidebar = () => page.locator('[data-component-name="Menu/Menu"]').first();
  const openTag = (tag: string) => sidebar().getByText(tag, { exact: true }).first().click();
  const content = () => page.locator('#api-content');
  // Operation titles are h2 elements whose text is the summary (plus a badge when deprecated).
  const heading = (summary: string) =>
    content()
      .locator('h2')
      .filter({
        hasText: new RegExp(`^${summary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*(deprecated)?$`, 'i'),
      })
      .first();

  /** Opens an operation listed in the (already opened) sidebar tag and waits for its heading. */
  async function openOperation(summary: string): Promise<void> {
    // Follow the sidebar entry's own link: clicking races the menu's open animation.
    const entry = sidebar().locator('a', { has: page.getByText(summary, { exact: true }) });
    const href = await entry.getAttribute('href');
    expect(href, summary).toMatch(/^#\//);
    await page.evaluate(`window.location.hash = ${JSON.stringify(href)}`);
    await heading(summary).waitFor({ state: 'visible', timeout: 10_000 });
  }

  beforeAll(async () => {
    ensureSiteBuilt();
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    // Only the page itself and inline data may load; anything else is recorded and refused.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      offHostRequests.push(url);
      return route.abort('blockedbyclient');
    });
    page = await context.newPage();
    // Also catches attempts that never reach the router (e.g. refused by the page's CSP).
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith('file:') && !url.startsWith('data:') && !offHostRequests.includes(url)) {
        offHostRequests.push(url);
      }
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(pathToFileURL(sitePage).href, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('renders the API title and all three tags', async () => {
    await expect(page.title()).resolves.toBe('Khoros Care Analytics Reports API');
    for (const tag of TAGS) expect(await sidebar().getByText(tag, { exact: true }).isVisible()).toBe(true);
  });

  it('lists every operation summary under its tag in the sidebar', async () => {
    expect(operations).toHaveLength(22);
    for (const tag of TAGS) {
      await openTag(tag);
      const summaries = operations.filter((op) => op.tag === tag).map((op) => op.summary);
      expect(summaries.length).toBeGreaterThan(0);
      for (const summary of summaries) {
        await expect(sidebar().getByText(summary, { exact: true }).isVisible(), summary).resolves.toBe(true);
      }
    }
  });

  it('renders each operation as a visible heading with its path when opened', async () => {
    for (const tag of TAGS) {
      await openTag(tag);
      for (const { summary, path: apiPath, deprecated } of operations.filter((op) => op.tag === tag)) {
        await openOperation(summary);
        const title = (await visibleText(heading(summary))).replace(/\s+/g, ' ').trim();
        // The badge's case comes from CSS, so compare it case-insensitively.
        expect(title.toLowerCase()).toBe(
          deprecated ? `${summary} deprecated`.toLowerCase() : summary.toLowerCase(),
        );
        expect(title.startsWith(summary)).toBe(true);
        const text = await visibleText(content());
        expect(text, `${summary} shows ${apiPath}`).toContain(apiPath);
      }
    }
  });

  it('shows all 13 report types, in the generic enum and as paths of their own', async () => {
    await openTag('Reports');
    await openOperation('Run any report type');
    const text = await visibleText(content());
    const enumBlock = text.slice(text.indexOf('Enum:'), text.indexOf('Query'));
    for (const type of REPORT_TYPES) expect(enumBlock).toContain(`"${type}"`);

    const paths = operations.filter((op) => op.tag === 'Reports').map((op) => op.path);
    for (const type of REPORT_TYPES) expect(paths).toContain(`/reports/report/${type}`);

    await page.screenshot({ path: path.join(repoRoot, 'site', 'screenshot.png'), animations: 'disabled' });
    expect(statSync(path.join(repoRoot, 'site', 'screenshot.png')).size).toBeGreaterThan(10_000);
  });

  it('made no request to any other host and threw no script error', () => {
    expect(existsSync(sitePage)).toBe(true);
    expect(offHostRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
