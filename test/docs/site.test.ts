// The whole site/ in headless Chromium with the network cut off: every page opens without a
// script error, every link between pages resolves to a file (and its #anchor to an element),
// each part links to the others, and not one request leaves the machine.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSiteBuilt, screenshots, siteDir } from './support/built-site.js';
import { type OfflineBrowser, offlineBrowser } from './support/offline-browser.js';

ensureSiteBuilt();

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'screenshots' ? [] : htmlFiles(full);
    return entry.name.endsWith('.html') ? [full] : [];
  });
}

const pages = htmlFiles(siteDir).sort();
const relative = (file: string) => path.relative(siteDir, file);
const PARTS = ['index.html', 'guide.html', 'api.html', 'client/index.html', 'cli.html', 'sandbox.html'];

interface Link {
  readonly from: string;
  readonly raw: string;
  readonly resolved: string;
}

describe('site/ in headless Chromium, offline', { timeout: 600_000 }, () => {
  let offline: OfflineBrowser;
  const links: Link[] = [];
  const opened: string[] = [];

  beforeAll(async () => {
    offline = await offlineBrowser();
    const page = await offline.context.newPage();
    for (const file of pages) {
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      opened.push(relative(file));
      const found = await page.$$eval('a[href]', (anchors) =>
        anchors.map((a) => ({
          raw: a.getAttribute('href') ?? '',
          resolved: (a as unknown as { href: string }).href,
        })),
      );
      for (const link of found) links.push({ from: relative(file), ...link });
      const name = relative(file);
      if (PARTS.includes(name)) {
        await page.screenshot({ path: path.join(screenshots, `${name.replaceAll('/', '-')}.png`) });
      }
    }
    await page.close();
  });
  afterAll(() => offline?.browser.close());

  it('has the four parts and the home page, and the client reference has its pages', () => {
    for (const part of PARTS) expect(pages.map(relative)).toContain(part);
    expect(pages.filter((file) => relative(file).startsWith('client/')).length).toBeGreaterThan(20);
    expect(opened).toEqual(pages.map(relative));
  });

  it('links every part to every other part', () => {
    for (const from of PARTS) {
      const targets = new Set(
        links
          .filter((l) => l.from === from && l.resolved.startsWith('file:'))
          .map((l) => relative(fileURLToPath(l.resolved.split('#')[0] ?? ''))),
      );
      for (const to of PARTS.filter((p) => p !== from)) expect(targets, `${from} → ${to}`).toContain(to);
    }
  });

  it('resolves every link between local files, anchors included', () => {
    // Redoc's sidebar uses router paths (href="/reports") that its script handles in the page.
    const between = links.filter(
      (l) => l.resolved.startsWith('file:') && !(l.from === 'api.html' && l.raw.startsWith('/')),
    );
    expect(between.length).toBeGreaterThan(500);
    const broken = between.filter((l) => {
      const [file = '', anchor] = l.resolved.split('#');
      const target = fileURLToPath(file);
      if (!existsSync(target) || !statSync(target).isFile()) return true;
      if (!anchor || !target.endsWith('.html') || target.endsWith('api.html')) return false;
      const html = readFileSync(target, 'utf8');
      const id = decodeURIComponent(anchor);
      return !html.includes(`id="${id}"`) && !html.includes(`name="${id}"`);
    });
    expect(broken.map((l) => `${l.from}: ${l.raw}`)).toEqual([]);
  });

  it('saved a screenshot of each part', () => {
    for (const part of PARTS) {
      expect(statSync(path.join(screenshots, `${part.replaceAll('/', '-')}.png`)).size).toBeGreaterThan(
        5_000,
      );
    }
  });

  it('made no request to any other host and threw no script error', () => {
    expect(offline.offMachineRequests).toEqual([]);
    expect(offline.pageErrors).toEqual([]);
  });
});
