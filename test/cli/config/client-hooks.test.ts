import { describe, expect, it } from 'vitest';
import { clientHooks } from '../../../src/cli/config/client-hooks.js';
import type { CliContext, GlobalOptions } from '../../../src/cli/context.js';
import type { Progress, ProgressSnapshot } from '../../../src/cli/progress/progress.js';
import { createCareAnalytics } from '../../../src/index.js';

const BASE = 'https://analytics.example.test/api/public';
const account = { username: 'cli-user', password: 'cli-Secret-pw', companyKey: 'CK-cli-0123456789' };

/** A client whose fetch answers 429 once, then an empty list. */
async function listTeamsWith(globals: GlobalOptions, progress?: Progress) {
  const lines: string[] = [];
  const context = {
    stderr: { isTTY: progress !== undefined, write: (text: string) => lines.push(text) },
    now: () => Date.parse('2026-11-28T12:00:00Z'),
    secrets: new Set([account.password, account.companyKey]),
  } as unknown as CliContext;
  let calls = 0;
  const ca = createCareAnalytics({
    baseUrl: BASE,
    ...account,
    // Retry-After 0: the hook reports the wait the client chose, whatever its length.
    fetch: async () =>
      calls++ === 0
        ? new Response('slow down', { status: 429, headers: { 'retry-after': '0', 'x-request-id': 'req-1' } })
        : new Response(JSON.stringify({ status: 'PASS', result: [] }), { status: 200 }),
    hooks: clientHooks(context, globals, progress),
  });
  await ca.teams.list();
  return lines.join('');
}

describe('the CLI shows what the client does', () => {
  it('says when and why it retries', async () => {
    expect(await listTeamsWith({})).toBe(
      `care-analytics: retrying GET ${BASE}/teams after HTTP 429 in 0 s (attempt 2)\n`,
    );
  });

  it('--debug adds every request and response; --quiet shows nothing', async () => {
    const debug = await listTeamsWith({ debug: true });
    expect(debug.split('\n').filter(Boolean)).toEqual([
      `care-analytics: debug: GET ${BASE}/teams (attempt 1)`,
      `care-analytics: debug: GET ${BASE}/teams → 429 (request id req-1)`,
      `care-analytics: retrying GET ${BASE}/teams after HTTP 429 in 0 s (attempt 2)`,
      `care-analytics: debug: GET ${BASE}/teams (attempt 2)`,
      `care-analytics: debug: GET ${BASE}/teams → 200`,
    ]);
    expect(debug).not.toContain(account.password);
    expect(debug).not.toContain(account.companyKey);
    expect(await listTeamsWith({ quiet: true })).toBe('');
  });

  it('--json-log: one retry event per line', async () => {
    const [line] = (await listTeamsWith({ jsonLog: true })).split('\n');
    expect(JSON.parse(line ?? '')).toMatchObject({
      event: 'retry',
      method: 'GET',
      url: `${BASE}/teams`,
      status: 429,
      attempt: 1,
      delayMs: 0,
      reason: expect.stringContaining('429'),
    });
  });

  it('on a terminal, shows the retry in the live progress line until an answer arrives', async () => {
    const updates: Partial<ProgressSnapshot>[] = [];
    const progress: Progress = { update: (change) => updates.push(change), stop: () => {}, event: () => {} };
    expect(await listTeamsWith({}, progress)).toBe('');
    expect(updates).toEqual([{ retrying: 'retrying after HTTP 429 in 0 s' }, { retrying: undefined }]);
  });
});
