// `care-analytics export` over a range longer than one export: windows, merged output, the
// manifest, per-window --json-log events, and the refusals.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../src/sandbox/index.js';
import { maxInFlight } from '../../e2e/support/quota.js';
import { accountEnv, runCli, tempDir } from '../support/run-cli.js';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
let sandbox: Sandbox;
let env: Record<string, string>;
beforeAll(async () => {
  sandbox = await startSandbox({ jobDurationMs: 20, rowsPerDay: 12, seed: 3 });
  env = accountEnv(sandbox);
});
afterAll(() => sandbox.close());

const now = new Date();
const month = (back: number) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 10);
const range = ['--from', month(13), '--to', month(0)];
const fast = ['--timeout', '10m'];

describe('export over a range', () => {
  it('a 13-month range becomes 13 monthly windows merged into one CSV', async () => {
    const cwd = tempDir();
    const result = await runCli(['export', 'conversation', ...range, ...fast, '--out', 'all.csv'], {
      cwd,
      env,
    });
    expect(result.stderr).not.toContain('care-analytics:');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Wrote [\d,]+ rows \(.+\) in 13 windows to .*all\.csv in /);
    const rows = parse(readFileSync(join(cwd, 'all.csv'), 'utf8'), { columns: true });
    const expected = sandbox.generateRows('conversation', {
      startTime: Date.parse(`${month(13)}T00:00:00Z`),
      endTime: Date.parse(`${month(0)}T00:00:00Z`),
      reportFormat: 'csv',
    });
    expect(rows).toEqual(expected);
    const manifest = JSON.parse(readFileSync(join(cwd, 'all.csv.manifest.json'), 'utf8'));
    expect(manifest.windows.map((w: { state: string }) => w.state)).toEqual(Array(13).fill('done'));
    expect(result.stderr).toMatch(/windows 13\/13 done, 0 running, 0 queued/);
  });

  it('--json-log: one event per window state, --partition: one file per window, --max-jobs', async () => {
    const cwd = tempDir();
    const logged = sandbox.requests.length;
    const result = await runCli(
      [
        '--json-log',
        'export',
        'conversation',
        '--from',
        month(3),
        '--to',
        month(0),
        '--window',
        'month',
        '--partition',
        '--format',
        'ndjson',
        '--out',
        'parts',
        '--max-jobs',
        '1',
        ...fast,
      ],
      { cwd, env },
    );
    expect(result.code).toBe(0);
    const events = result.stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const done = events.filter((e) => e.event === 'window' && e.state === 'done');
    expect(done.map((e) => e.window).sort()).toEqual(
      [month(3), month(2), month(1)].map((d) => d.slice(0, 7)),
    );
    expect(events.filter((e) => e.event === 'window' && e.state === 'started')).toHaveLength(3);
    // One job at a time: each window's job closes before the next one starts.
    expect(maxInFlight(sandbox.requests.slice(logged))).toBe(1);
    for (const label of done.map((e) => e.window))
      expect(existsSync(join(cwd, 'parts', `conversation_${label}.ndjson`))).toBe(true);
    expect(existsSync(join(cwd, 'parts', 'manifest.json'))).toBe(true);
  });

  it('refuses stdout, an unknown window, and a different command on the same output', async () => {
    const cwd = tempDir();
    const stdout = await runCli(['export', 'conversation', ...range, '--out', '-'], { cwd, env });
    expect(stdout.code).toBe(2);
    expect(stdout.stderr).toContain('a range export writes a file');
    const unknown = await runCli(['export', 'conversation', ...range, '--window', 'year', '--out', 'x.csv'], {
      cwd,
      env,
    });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("--window: 'year' is not one of day, week, month, quarter");
    const jobs = await runCli(['export', 'conversation', ...range, '--max-jobs', '0', '--out', 'x.csv'], {
      cwd,
      env,
    });
    expect(jobs.code).toBe(2);
    expect(jobs.stderr).toContain("--max-jobs: '0' is not a whole number from 1 to 50");
    const short = ['--from', month(2), '--to', month(0), '--window', 'month', '--out', 'y.csv', ...fast];
    expect((await runCli(['export', 'conversation', ...short], { cwd, env })).code).toBe(0);
    const other = await runCli(['export', 'conversation', ...short, '--conversation-type', 'closed'], {
      cwd,
      env,
    });
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('belongs to a different export');
  });
});
