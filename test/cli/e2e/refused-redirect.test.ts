// A redirect the client refuses is the service's fault (exit 1), and the export it started is not
// lost: the CLI says how to download that job, and that command works once the service behaves.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type LocalServer, localServer, sendEnvelope } from '../../client/support/local-server.js';
import { recentRange } from '../support/recent-range.js';
import { runCli, tempDir } from '../support/run-cli.js';

const CSV = 'CONVERSATION_ID,STATUS\n1,OPEN\n2,CLOSED\n';
const account = { username: 'api-user', password: 'pw-secret', companyKey: 'key-secret' };
const WORKFLOW = '6f1c2a7e-0000-4000-8000-000000000001';

let servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

/** The API: starts one job, reports it completed, and redirects /download to `location()`. */
async function service(location: () => string) {
  const storage = await localServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/csv', 'content-length': Buffer.byteLength(CSV) }).end(CSV);
  });
  const api = await localServer((req, res) => {
    const path = new URL(req.url ?? '', 'http://x').pathname;
    if (req.method === 'POST') return sendEnvelope(res, { workflowId: WORKFLOW, runId: 'r+1/a=' });
    if (path.endsWith('/status')) {
      return sendEnvelope(res, {
        jobInfo: { workflowId: WORKFLOW, runId: 'r+1/a=', downloadUrl: '', statusUrl: '' },
        result: { runnerState: 'CLOSED', detail: 'COMPLETED', reason: null, currentCount: 2, totalCount: 2 },
      });
    }
    res.writeHead(307, { location: location().replace('STORAGE', storage.url) }).end();
  });
  servers.push(storage, api);
  const env = {
    KHOROS_ANALYTICS_URL: `${api.url}/api/public`,
    KHOROS_ANALYTICS_USER: account.username,
    KHOROS_ANALYTICS_PASSWORD: account.password,
    KHOROS_ANALYTICS_COMPANY_KEY: account.companyKey,
  };
  return { api, storage, env };
}

describe("a refused redirect from the service's /download", () => {
  it('exits 1 naming the service, leaves no file, and the kept job downloads later', async () => {
    let location = 'file:///etc/passwd';
    const { api, storage, env } = await service(() => location);
    const cwd = tempDir();
    const out = join(cwd, 'out.csv');

    const refused = await runCli(
      ['export', 'conversation', ...recentRange(3, 1), '--format', 'csv', '--out', out],
      {
        cwd,
        env,
      },
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/service's redirect was refused/);
    expect(existsSync(out)).toBe(false);
    expect(storage.requests).toHaveLength(0);
    const hint = /care-analytics download '(\{.*\})' --out/.exec(refused.stderr);
    expect(hint?.[1]).toContain(WORKFLOW);
    for (const secret of [account.password, account.companyKey]) {
      expect(refused.stderr + refused.stdout).not.toContain(secret);
    }

    // The service mends its redirect: the saved job is downloaded, no second export is started.
    location = 'STORAGE/exports/file.csv?X-Amz-Signature=sig';
    const later = await runCli(['download', hint?.[1] ?? '', '--out', out], { cwd, env });
    expect(later.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(CSV);
    expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});
