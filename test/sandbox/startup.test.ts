// How long starting takes is measured by scripts/bench/sandbox-download.bench.ts, not here.
import { describe, expect, it } from 'vitest';
import {
  describeSandbox,
  type RecordedRequest,
  type Sandbox,
  startSandbox,
} from '../../src/sandbox/index.js';

describe('startSandbox', () => {
  it('starts, serves and closes, three times over', async () => {
    for (let i = 0; i < 3; i++) {
      const sb = await startSandbox();
      const res = await fetch(`${sb.url}/teams?companyKey=${sb.credentials.companyKey}`, {
        headers: { authorization: `Basic ${Buffer.from('sandbox:sandbox-password').toString('base64')}` },
      });
      expect(res.status).toBe(200);
      await sb.close();
      await expect(fetch(`${sb.url}/teams`)).rejects.toThrow();
    }
  });

  it('listens on requested ports and refuses bad options', async () => {
    await expect(startSandbox({ speed: 0 })).rejects.toThrow(/speed/);
    await expect(startSandbox({ rowsPerDay: 0 })).rejects.toThrow(/rowsPerDay/);
    await expect(startSandbox({ requestLogLimit: -1 })).rejects.toThrow(/requestLogLimit/);
    await expect(startSandbox({ requestLogLimit: 1.5 })).rejects.toThrow(/requestLogLimit/);
    const a = await startSandbox();
    const port = Number(new URL(a.url).port);
    await expect(startSandbox({ port })).rejects.toThrow(/EADDRINUSE/);
    await a.close();
  });
});

describe('the request log', () => {
  const teams = (sb: Sandbox, n: number) =>
    fetch(`${sb.url}/teams?n=${n}&companyKey=${sb.credentials.companyKey}`, {
      headers: { authorization: `Basic ${Buffer.from('sandbox:sandbox-password').toString('base64')}` },
    });

  it('keeps only the newest requestLogLimit requests, so a long-lived sandbox stays small', async () => {
    const sb = await startSandbox({ requestLogLimit: 3, validate: false });
    for (let n = 1; n <= 5; n++) expect((await teams(sb, n)).status).toBe(200);
    expect(sb.requests.map((r) => r.query.n)).toEqual([['3'], ['4'], ['5']]);
    await sb.close();
  });

  it('keeps 10,000 by default and everything with Infinity', async () => {
    const capped = await startSandbox({ validate: false });
    const all = await startSandbox({ requestLogLimit: Number.POSITIVE_INFINITY, validate: false });
    try {
      for (const sb of [capped, all]) {
        expect((await teams(sb, 1)).status).toBe(200);
        // 9,999 more entries like the first, without making 9,999 requests.
        const log = sb.requests as RecordedRequest[];
        log.push(...Array.from({ length: 9_999 }, () => log[0] as RecordedRequest));
        expect((await teams(sb, 2)).status).toBe(200);
      }
      expect(capped.requests.length).toBe(10_000);
      expect(capped.requests.at(-1)?.query.n).toEqual(['2']);
      expect(all.requests.length).toBe(10_001);
    } finally {
      await Promise.all([capped.close(), all.close()]);
    }
  });
});

describe('describeSandbox', () => {
  it('lists where and how to connect, and close() can be called twice', async () => {
    const sb = await startSandbox({ password: 'pw-describe' });
    const text = describeSandbox(sb);
    expect(text).toContain(sb.url);
    expect(text).toContain(sb.storageUrl);
    expect(text).toContain('pw-describe');
    expect(text).toContain(`${sb.adminUrl}/faults`);
    await Promise.all([sb.close(), sb.close()]);
    await sb.close();
  });
});
