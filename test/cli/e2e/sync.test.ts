// `care-analytics sync` twice in a row: the first writes one file per window and type plus the
// state file, the second starts no job, says "up to date" and exits 0.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../src/sandbox/index.js';
import { accountEnv, runCli, tempDir } from '../support/run-cli.js';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
let sandbox: Sandbox;
let env: Record<string, string>;
beforeAll(async () => {
  sandbox = await startSandbox({
    jobDurationMs: 20,
    rowsPerDay: 12,
    seed: 4,
    requestLogLimit: Number.POSITIVE_INFINITY,
  });
  env = accountEnv(sandbox);
});
afterAll(() => sandbox.close());

const runCalls = () => sandbox.requests.filter((r) => r.route === 'run').length;
const now = new Date();
const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1)).toISOString().slice(0, 10);

describe('sync', () => {
  it('twice: the second run starts no job and says up to date', async () => {
    const cwd = tempDir();
    const args = [
      'sync',
      'conversation',
      'response',
      '--out',
      'data',
      '--state',
      'state.json',
      '--since',
      since,
      '--timeout',
      '10m',
    ];
    const first = await runCli(args, { cwd, env });
    expect(first.stderr).not.toContain('care-analytics:');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Synced \d+ windows/);
    const state = JSON.parse(readFileSync(join(cwd, 'state.json'), 'utf8'));
    expect(Object.keys(state.types).sort()).toEqual(['conversation', 'response']);
    const files = readdirSync(join(cwd, 'data', 'conversation'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(files.every((f) => f.endsWith('.csv'))).toBe(true);
    expect(existsSync(join(cwd, 'data', 'response', files[0] ?? ''))).toBe(true);

    const before = runCalls();
    const second = await runCli(args, { cwd, env });
    expect(second.code).toBe(0);
    expect(second.stdout).toBe('Up to date: conversation, response (no job started)\n');
    expect(runCalls()).toBe(before);
  });

  it('refuses a first run without --since before any request', async () => {
    const before = sandbox.requests.length;
    const result = await runCli(['sync', 'user', '--out', 'd', '--state', 's.json'], { cwd: tempDir(), env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--since is missing: user has no bookmark');
    expect(sandbox.requests.length).toBe(before);
  });
});
