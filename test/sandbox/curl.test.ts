// The sandbox checked with a client nobody here wrote: curl drives run → poll → download the way
// the vendor's own curl samples do.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { DAY, JAN_1 } from './support/http.js';

const exec = promisify(execFile);
let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ jobDurationMs: 300, password: 'curl-Pass:word!' });
});
afterAll(() => sb.close());

async function curl(...args: string[]): Promise<string> {
  const { stdout } = await exec('/usr/bin/curl', ['--silent', '--show-error', '--fail', ...args]);
  return stdout;
}

describe('curl against the sandbox', () => {
  it('runs, polls and downloads with -u and -L, never sending credentials to storage', async () => {
    const { username, password, companyKey } = sb.credentials;
    const user = `${username}:${password}`;
    const query = `startTime=${JAN_1}&endTime=${JAN_1 + DAY}&reportFormat=csv&priorities=0%2C1&reportMetrics=CONVERSATION_ID&reportMetrics=PRIORITY&companyKey=${companyKey}`;
    const started = JSON.parse(
      await curl('-u', user, '-X', 'POST', `${sb.url}/reports/report/conversation?${query}`),
    );
    expect(started.status).toBe('PASS');
    const { statusUrl } = started.result as { statusUrl: string };

    let status: { result: { runnerState: string; detail: string } };
    for (;;) {
      const body = JSON.parse(await curl('-u', user, statusUrl));
      status = Array.isArray(body.result) ? body.result[0] : body.result;
      if (status.result.runnerState === 'CLOSED') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(status.result.detail).toBe('COMPLETED');

    const before = sb.requests.length;
    const csv = await curl('-u', user, '-L', statusUrl.replace('/status?', '/download?'));
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('CONVERSATION_ID,PRIORITY');
    expect(lines).toHaveLength(501);
    expect(new Set(lines.slice(1).map((l) => l.split(',')[1]))).toEqual(new Set(['0', '1']));

    const hops = sb.requests.slice(before).map((r) => [r.origin, r.status, r.hasAuthorization]);
    expect(hops).toEqual([
      ['api', 307, true],
      ['storage', 200, false],
    ]);
  });

  it('shows the 401 envelope to curl without credentials', async () => {
    const { stdout } = await exec('/usr/bin/curl', ['--silent', '-w', '\\n%{http_code}', `${sb.url}/teams`]);
    const [body, code] = stdout.split('\n');
    expect(code).toBe('401');
    expect(JSON.parse(body as string)).toMatchObject({ status: 'FAIL' });
  });
});
