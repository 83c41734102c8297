// Headless Chromium (Debian's package) that may load only file: and data: URLs: anything else is
// refused and recorded, so a test can assert that a page never reaches the network.
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface OfflineBrowser {
  readonly browser: Browser;
  readonly context: BrowserContext;
  /** URLs the pages tried to load from anywhere but the local files. */
  readonly offMachineRequests: string[];
  /** Script errors of any page. */
  readonly pageErrors: string[];
}

const local = (url: string) => url.startsWith('file:') || url.startsWith('data:');

export async function offlineBrowser(): Promise<OfflineBrowser> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const offMachineRequests: string[] = [];
  const pageErrors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (local(url)) return route.continue();
    offMachineRequests.push(url);
    return route.abort('blockedbyclient');
  });
  context.on('request', (request) => {
    const url = request.url();
    if (!local(url) && !offMachineRequests.includes(url)) offMachineRequests.push(url);
  });
  context.on('page', (page) =>
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`)),
  );
  return { browser, context, offMachineRequests, pageErrors };
}
