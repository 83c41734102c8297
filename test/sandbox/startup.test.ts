// How long starting takes is measured by scripts/bench/sandbox-download.bench.ts, not here.
import { describe, expect, it } from 'vitest';
import { describeSandbox, startSandbox } from '../../src/sandbox/index.js';

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
    const a = await startSandbox();
    const port = Number(new URL(a.url).port);
    await expect(startSandbox({ port })).rejects.toThrow(/EADDRINUSE/);
    await a.close();
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
