import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_TYPES } from '../spec/support/report-types.js';
import { ensureSiteBuilt, repoRoot, screenshots, sitePage } from './support/built-site.js';
import { offlineBrowser } from './support/offline-browser.js';

const TAGS = ['Reports', 'Jobs', 'Reference data'];

/** Text as rendered: innerText leaves out what CSS hides, which is the point of these checks. */
function visibleText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: rendered text is what is being tested.
  return locator.innerText();
}

interface SpecOperation {
  readonly summary: string;
  readonly path: string;
  readonly method: string;
  readonly operationId: string;
  readonly tag: string;
  readonly deprecated: boolean;
}

function specOperations(): SpecOperation[] {
  const spec = JSON.parse(readFileSync(path.join(repoRoot, 'generated/openapi.json'), 'utf8'));
  type Op = { summary?: string; tags?: string[]; deprecated?: boolean; operationId?: string };
  return Object.entries(spec.paths as Record<string, Record<string, Op>>).flatMap(([apiPath, item]) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'post'].includes(method))
      .map(([method, op]) => ({
        summary: String(op.summary),
        path: apiPath,
        method: method.toUpperCase(),
        operationId: String(op.operationId),
        tag: String(op.tags?.[0]),
        deprecated: op.deprecated === true,
      })),
  );
}

ensureSiteBuilt();
const samples: Record<string, { label: string; source: string }[]> = JSON.parse(
  readFileSync(path.join(repoRoot, 'site/code-samples.json'), 'utf8'),
);

describe('HTTP reference (site/api.html) in headless Chromium, offline', () => {
  let browser: Browser;
  let page: Page;
  let offHostRequests: string[] = [];
  let pageErrors: string[] = [];
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
    const offline = await offlineBrowser();
    browser = offline.browser;
    offHostRequests = offline.offMachineRequests;
    pageErrors = offline.pageErrors;
    page = await offline.context.newPage();
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

    await page.screenshot({ path: path.join(screenshots, 'api-enum.png'), animations: 'disabled' });
    expect(statSync(path.join(screenshots, 'api-enum.png')).size).toBeGreaterThan(10_000);
  });

  it('shows every operation with its curl, TypeScript client and CLI samples', async () => {
    let checked = 0;
    for (const tag of TAGS) {
      await openTag(tag);
      for (const op of operations.filter((o) => o.tag === tag)) {
        await openOperation(op.summary);
        const expected = samples[op.operationId]?.map((s) => s.label) ?? [];
        expect(expected.length, op.operationId).toBeGreaterThanOrEqual(2);
        const exactPath = new RegExp(`^${op.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
        const panel = page
          .locator('.panel-request-samples')
          .filter({ has: page.locator('span', { hasText: exactPath }) })
          .filter({ hasText: op.method })
          .first();
        await panel.waitFor({ state: 'visible', timeout: 10_000 });
        // The first sample (curl) shows at once; its first command line is on screen.
        const curl = samples[op.operationId]?.[0]?.source ?? '';
        const firstCurlLine = curl.split('\n').find((line) => line.startsWith('curl ')) ?? curl;
        await expect
          .poll(() => visibleText(panel), { timeout: 10_000, message: op.operationId })
          .toContain(firstCurlLine.slice(0, 40));
        // The language menu lists every sample of the operation.
        await panel.getByRole('button', { name: /^curl$/ }).click();
        const items = page.getByRole('menuitem').filter({ visible: true });
        await items.first().waitFor({ state: 'visible', timeout: 5_000 });
        const labels = (await items.allInnerTexts()).map((text) => text.trim());
        expect(labels, op.operationId).toEqual(expect.arrayContaining(expected));
        await page.keyboard.press('Escape');
        checked++;
      }
    }
    expect(checked).toBe(22);
    await page.screenshot({ path: path.join(screenshots, 'api-operation.png'), animations: 'disabled' });
  });

  it('made no request to any other host and threw no script error', () => {
    expect(existsSync(sitePage)).toBe(true);
    expect(offHostRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
