import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../src/sandbox/index.js';
import { basicToken, expectNoSecrets } from '../support/expectations.js';
import { recentRange } from '../support/recent-range.js';
import { accountEnv, type RunOptions, runCli, tempDir } from '../support/run-cli.js';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
const PASSWORD = 'pw-e2e-F4il!77';
const COMPANY_KEY = 'ck-e2e-0c0ffee';
let fast: Sandbox;
let slow: Sandbox;
let secrets: string[];

beforeAll(async () => {
  [fast, slow] = await Promise.all([
    startSandbox({ password: PASSWORD, companyKey: COMPANY_KEY, jobDurationMs: 200, rowsPerDay: 20_000 }),
    startSandbox({ password: PASSWORD, companyKey: COMPANY_KEY, jobDurationMs: 120_000 }),
  ]);
  secrets = [PASSWORD, COMPANY_KEY, basicToken(fast.credentials.username, PASSWORD)];
});
afterAll(async () => {
  await Promise.all([fast.close(), slow.close()]);
});

async function cli(sandbox: Sandbox, args: string[], options: RunOptions = {}) {
  const result = await runCli(args, { ...options, env: { ...accountEnv(sandbox), ...options.env } });
  expectNoSecrets(result, secrets);
  return result;
}

const range = recentRange(9, 8);
const savedJsonJob = JSON.stringify({
  kind: 'khoros-care-analytics/report-job',
  version: 1,
  workflowId: 'wf-1',
  runId: 'run-1',
  reportType: 'conversation',
  format: 'json',
  startedAt: '2026-11-28T00:00:00.000Z',
});

describe('bad input: exit 2, a useful message, and no request sent', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'unknown type',
      ['export', 'conversations', ...range],
      /unknown report type 'conversations'; use one of author,/,
    ],
    [
      '--from after --to',
      ['export', 'conversation', '--from', '2026-11-08', '--to', '2026-11-01'],
      /--from \(2026-11-08T00:00:00\.000Z\) must be before --to/,
    ],
    [
      'bad --interval',
      ['export', 'team_performance_interval', ...range, '--interval', '7m'],
      /--interval: '7m' is not an interval .* 5m, 10m, 15m/,
    ],
    [
      'bad --tz',
      ['export', 'conversation', ...range, '--tz', 'America/Chicagoo'],
      /--tz: 'America\/Chicagoo' is not a time zone.*did you mean America\/Chicago/,
    ],
    [
      'bad --tz-offset',
      ['export', 'conversation', ...range, '--tz-offset', '5:30'],
      /--tz-offset: '5:30' is not a UTC offset/,
    ],
    [
      'bad date',
      ['export', 'conversation', '--from', '2026-02-30', '--to', '2026-03-02'],
      /--from: '2026-02-30' is not a real calendar date/,
    ],
    [
      'epoch seconds',
      ['export', 'conversation', '--from', '1795219200', '--to', '1795305600000'],
      /looks like epoch seconds/,
    ],
    ['no range', ['export', 'conversation'], /--from is missing/],
    [
      'flag for another type',
      ['export', 'conversation', ...range, '--interval', '1h'],
      /--interval does not apply to report type conversation/,
    ],
    ['missing --interval', ['export', 'team_performance_interval', ...range], /--interval is required/],
    [
      'priority out of range',
      ['export', 'conversation', ...range, '--priority', '0,9'],
      /Invalid priorities: item 1: 9 is not allowed\. Fix: use an integer from 0 to 5 \(--priority\)/,
    ],
    [
      'bad format',
      ['export', 'conversation', ...range, '--format', 'xml'],
      /--format: 'xml' is not one of csv, json, ndjson/,
    ],
    [
      'bad business hours',
      ['export', 'conversation', ...range, '--business-hours', 'both'],
      /--business-hours/,
    ],
    [
      'two smart views',
      ['export', 'conversation', ...range, '--smart-view', '1,2'],
      /--smart-view: give exactly one/,
    ],
    ['bad timeout', ['export', 'conversation', ...range, '--timeout', 'soon'], /--timeout: 'soon'/],
    [
      // `export` cuts a longer range into windows; `start` starts exactly one export.
      'start with a range over 3 months (client validation)',
      ['start', 'conversation', '--from', '2026-01-01', '--to', '2026-06-01'],
      /startTime|endTime/,
    ],
    [
      'a quarter window longer than 3 months in its zone (client validation)',
      [
        'export',
        'conversation',
        '--from',
        '2026-10-01',
        '--to',
        '2027-01-01',
        '--tz',
        'America/Chicago',
        '--window',
        'quarter',
      ],
      /Invalid window: window 2026-Q4 is longer than the API's 3 months/,
    ],
    ['missing --dotenv file', ['teams', '--dotenv', 'missing.env'], /--dotenv: missing\.env does not exist/],
    ['bad job', ['status', 'nope.json'], /<job>: 'nope\.json' is neither job JSON nor an existing file/],
    ['unknown option', ['export', 'conversation', ...range, '--colour'], /unknown option '--colour'/],
    [
      'bad sandbox --rows-per-day',
      ['sandbox', '--rows-per-day', '0'],
      /--rows-per-day: '0' is not a whole number from 1 to 100000000/,
    ],
    [
      'bad --conversation-type',
      ['export', 'conversation', ...range, '--conversation-type', 'foo'],
      /--conversation-type: 'foo' is not one of open-at-end, closed, created$/m,
    ],
    [
      'an --out that cannot be written',
      ['export', 'conversation', ...range, '--out', '/proc/forbidden.csv'],
      /--out: cannot write \/proc\/forbidden\.csv \(\w+\); choose a writable file or directory/,
    ],
    [
      'bad sandbox --port',
      ['sandbox', '--port', 'abc'],
      /--port: 'abc' is not a whole number from 0 to 65535$/m,
    ],
    ['sandbox --port list', ['sandbox', '--port', '0,1'], /--port: '0,1' is not a whole number/],
    ['bad sandbox --speed', ['sandbox', '--speed', 'fast'], /--speed: 'fast' is not a positive number/],
    ['start with --sandbox', ['start', 'conversation', ...range, '--sandbox'], /unknown option '--sandbox'/],
    [
      'json job downloaded as csv',
      ['download', savedJsonJob, '--format', 'csv', '--out', 'x.csv'],
      /--format csv: this export was produced as json/,
    ],
    [
      'bad --job-format',
      ['download', 'wf', 'run', '--job-format', 'xml', '--out', 'x'],
      /--job-format: 'xml' is not one of csv, json/,
    ],
  ];

  it.each(cases)('%s', async (_name, args, message) => {
    const before = fast.requests.length;
    const result = await cli(fast, args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).toBe('');
    expect(fast.requests.length).toBe(before);
  });
});

describe('configuration errors', () => {
  it('refuses a plain-http API URL that is not loopback, naming the variable', async () => {
    const result = await cli(fast, ['teams'], {
      env: { KHOROS_ANALYTICS_URL: 'http://analytics.example.com/api/public' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^care-analytics: .*baseUrl.*\(KHOROS_ANALYTICS_URL\)$/m);
  });
});

describe('exit codes', () => {
  it('3 when authentication fails, with no secret in the output even with --debug', async () => {
    const result = await cli(fast, ['--debug', 'teams'], {
      env: { KHOROS_ANALYTICS_PASSWORD: 'wrong-password-1' },
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /^care-analytics: authentication failed: .*HTTP 401.*; check KHOROS_ANALYTICS_USER/m,
    );
    expect(result.stderr).toContain('valid credentials (HTTP Basic) and companyKey required');
    expect(result.stderr).not.toContain('wrong-password-1');
    expect(result.stderr).not.toContain(basicToken(fast.credentials.username, 'wrong-password-1'));
  });

  it('4 when the report fails, with the reason', async () => {
    fast.faults.add({ route: 'run', kind: 'jobFailed', reason: 'Index unavailable' });
    const cwd = tempDir();
    const result = await cli(fast, ['export', 'conversation', ...range, '--out', 'x.csv'], { cwd });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('Index unavailable');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('4 from `wait` too, for a job over the export quota', async () => {
    fast.faults.add({ route: 'run', kind: 'queueFull' });
    const started = await cli(fast, ['start', 'conversation', ...range]);
    const result = await cli(fast, ['wait', started.stdout.trim()]);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('too many exports');
    // The final status still reaches stdout, as JSON, for the script that asked.
    expect(JSON.parse(result.stdout)).toMatchObject({
      state: 'failed',
      runnerState: 'CLOSED',
      detail: 'FAILED',
    });
  });

  it('4 from `download` of a failed job, with the reason, and no file', async () => {
    fast.faults.add({ route: 'run', kind: 'jobFailed', reason: 'Index unavailable' });
    const cwd = tempDir();
    const started = await cli(fast, ['start', 'conversation', ...range], { cwd });
    await cli(fast, ['wait', started.stdout.trim()], { cwd });
    const result = await cli(fast, ['download', started.stdout.trim(), '--out', 'x.csv'], { cwd });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('Index unavailable');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('5 when the report does not finish within --timeout, saying how to resume', async () => {
    const result = await cli(slow, ['export', 'conversation', ...range, '--timeout', '2s']);
    expect(result.code).toBe(5);
    expect(result.stderr).toMatch(/did not finish within/);
    expect(result.stderr).toMatch(/care-analytics wait '\{"kind":"khoros-care-analytics\/report-job"/);
  });

  it('1 for a server that keeps failing', async () => {
    fast.faults.add({ route: 'teams', kind: 'httpError', status: 500, times: 20 });
    const result = await cli(fast, ['teams']);
    fast.faults.clear();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^care-analytics: .*HTTP 500/m);
  });

  it('130 when interrupted during the wait, at once', async () => {
    let sent = false;
    const result = await cli(slow, ['--json-log', 'export', 'conversation', ...range], {
      onOutput: (child, output) => {
        if (!sent && output.stderr.includes('"event":"started"')) {
          sent = true;
          child.kill('SIGINT');
        }
      },
    });
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('care-analytics: interrupted');
  });
});

describe('a signal during a download', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGHUP', 129],
    ['SIGTERM', 143],
  ] as const)(
    '%s stops at once and leaves no partial file, nor the directory it created',
    async (signal, code) => {
      const cwd = tempDir();
      // The storage host sends the first 64 KiB, then hangs for a minute.
      fast.faults.add({ route: 'storage', kind: 'stall', seconds: 60, afterBytes: 65_536 });
      let sent = false;
      const started = Date.now();
      const result = await cli(
        fast,
        ['--json-log', 'export', 'conversation', ...recentRange(14, 7), '--out', 'out/'],
        {
          cwd,
          onOutput: (child, output) => {
            if (sent || !output.stderr.includes('"phase":"downloading"')) return;
            const waitForPartFile = () => {
              const dir = join(cwd, 'out');
              const part = existsSync(dir) && readdirSync(dir).some((name) => name.endsWith('.part'));
              if (part) {
                sent = true;
                child.kill(signal);
              } else setTimeout(waitForPartFile, 20);
            };
            waitForPartFile();
          },
        },
      );
      expect(sent).toBe(true);
      expect(result.code).toBe(code);
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(existsSync(join(cwd, 'out'))).toBe(false);
      expect(readdirSync(cwd)).toEqual([]);
    },
  );
});
