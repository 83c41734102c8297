import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Sandbox } from '../../../src/sandbox/index.js';

export const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** The export request every matrix case makes: two recent days of conversations, csv. */
export function exportWindow(now = Date.now()) {
  const day = 86_400_000;
  const end = Math.floor(now / day) * day - 2 * day;
  return { startTime: end - 2 * day, endTime: end };
}

/** The sandbox's export, fetched by hand with no client involved: what every file must equal. */
export async function referenceExport(sandbox: Sandbox, window: { startTime: number; endTime: number }) {
  const { username, password, companyKey } = sandbox.credentials;
  const auth = { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` };
  const run = await fetch(
    `${sandbox.url}/reports/report/conversation?startTime=${window.startTime}&endTime=${window.endTime}&reportFormat=csv&companyKey=${companyKey}`,
    { method: 'POST', headers: auth },
  );
  const { result } = (await run.json()) as { result: { workflowId: string; runId: string } };
  const base = `${sandbox.url}/reports/report/${result.workflowId}/${encodeURIComponent(result.runId)}`;
  for (;;) {
    const status = (await (
      await fetch(`${base}/status?companyKey=${companyKey}`, { headers: auth })
    ).json()) as {
      result: { result: { runnerState: string } };
    };
    if (status.result.result.runnerState === 'CLOSED') break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const redirect = await fetch(`${base}/download?companyKey=${companyKey}`, {
    headers: auth,
    redirect: 'manual',
  });
  const file = Buffer.from(await (await fetch(redirect.headers.get('location') as string)).arrayBuffer());
  return file;
}

/** No credential reached the storage origin, and nothing but export files was asked of it. */
export function expectNoLeaks(sandbox: Sandbox, from: number): number {
  const storage = sandbox.requests.slice(from).filter((r) => r.origin === 'storage');
  for (const request of storage) {
    expect(request.hasAuthorization).toBe(false);
    expect(Object.keys(request.query)).not.toContain('companyKey');
    expect(Object.keys(request.query)).not.toContain('analyticsAccessToken');
    expect(request.path).toMatch(/^\/exports\//);
  }
  return storage.length;
}

/** The directory holds exactly the finished file (or nothing): no temp file, no partial file. */
export function filesIn(dir: string): string[] {
  return readdirSync(dir);
}

export function contentOf(dir: string, name: string): Buffer {
  return readFileSync(join(dir, name));
}
