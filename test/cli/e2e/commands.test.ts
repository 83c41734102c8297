import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../src/sandbox/index.js';
import { basicToken, expectNoSecrets } from '../support/expectations.js';
import { recentRange } from '../support/recent-range.js';
import { accountEnv, type CliResult, cliPath, runCli, runShell, tempDir } from '../support/run-cli.js';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
let sandbox: Sandbox;
let env: Record<string, string>;
let secrets: string[];

beforeAll(async () => {
  sandbox = await startSandbox({
    password: 'pw-e2e-S3cret!9',
    companyKey: 'ck-e2e-7f3a9b',
    jobDurationMs: 300,
  });
  env = accountEnv(sandbox);
  secrets = ['pw-e2e-S3cret!9', 'ck-e2e-7f3a9b', basicToken(sandbox.credentials.username, 'pw-e2e-S3cret!9')];
});
afterAll(() => sandbox.close());

async function cli(
  args: string[],
  options: { cwd?: string; stdin?: string; env?: Record<string, string | undefined> } = {},
) {
  const result = await runCli(args, { ...options, env: { ...env, ...options.env } });
  expectNoSecrets(result, secrets);
  return result;
}

function ok(result: CliResult): CliResult {
  if (result.code !== 0) throw new Error(`exit ${result.code}: ${result.stderr}`);
  return result;
}

const range = recentRange(9, 7);

describe('export to stdout keeps stdout pure data', () => {
  it('json: stdout parses as one JSON array', async () => {
    const result = ok(await cli(['export', 'conversation', ...range, '--format', 'json', '--out', '-']));
    const rows = JSON.parse(result.stdout) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(result.stderr).toMatch(
      new RegExp(`Wrote ${rows.length.toLocaleString('en-US')} rows .* to stdout`),
    );
  });

  it('csv: stdout parses as CSV with a header row', async () => {
    const result = ok(
      await cli(['export', 'conversation', ...range, '--out', '-', '--metric', 'CONVERSATION_ID,STATUS']),
    );
    const rows = parse(result.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.keys(rows[0] ?? {})).toEqual(['CONVERSATION_ID', 'STATUS']);
  });

  it('ndjson: one JSON object per line, the same rows as json', async () => {
    const [ndjson, json] = await Promise.all([
      cli(['export', 'team_performance', ...range, '--format', 'ndjson', '--out', '-', '--quiet']),
      cli(['export', 'team_performance', ...range, '--format', 'json', '--out', '-', '--quiet']),
    ]);
    const lines = ok(ndjson)
      .stdout.trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual(JSON.parse(ok(json).stdout));
    expect(ndjson.stderr).toBe('');
  });

  it('piped into a JSON parser through a shell pipe', async () => {
    const result = await runShell(
      `node "${cliPath}" export user ${range.join(' ')} --format json --out - --quiet | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.parse(s).length))"`,
      { env },
    );
    expectNoSecrets(result, secrets);
    expect(result.code).toBe(0);
    expect(Number(result.stdout.trim())).toBeGreaterThan(0);
  });
});

describe('export to files', () => {
  it('names the file after the type and range inside a directory, and sends the flags', async () => {
    const cwd = tempDir();
    const before = sandbox.requests.length;
    const result = ok(
      await cli(
        // 2026-11-01 in Chicago has 25 hours (DST ends): 25 one-hour buckets, under the vendor's cap.
        [
          'export',
          'team_performance_interval',
          '--from',
          '2026-11-01',
          '--to',
          '2026-11-02',
          '--tz',
          'America/Chicago',
          '--interval',
          '1h',
          '--team',
          '1,2',
          '--priority',
          '0,1',
          '--include-disabled',
          '--business-hours',
          'within',
          '--out',
          'out/',
        ],
        { cwd },
      ),
    );
    const path = join(cwd, 'out', 'team_performance_interval-2026-11-01_2026-11-02.csv');
    const rows = parse(readFileSync(path, 'utf8'), { columns: true }) as unknown[];
    expect(result.stdout).toContain(`Wrote ${rows.length.toLocaleString('en-US')} rows`);
    const run = sandbox.requests
      .slice(before)
      .find((request) => request.path.endsWith('/team_performance_interval'));
    expect(run?.query).toMatchObject({
      startTime: [String(Date.parse('2026-11-01T05:00:00Z'))],
      endTime: [String(Date.parse('2026-11-02T06:00:00Z'))],
      timezone: ['America/Chicago'],
      timeInterval: ['3600000'],
      teamIds: ['1,2'],
      priorities: ['0,1'],
      includeDisabled: ['true'],
      enableBusinessHour: ['true'],
      businessHourType: ['true'],
      reportFormat: ['csv'],
    });
  });

  it('exports monthly buckets with --interval month: one row per agent per calendar month of --tz', async () => {
    const help = (await runCli(['export', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('bucket size: 5m 10m 15m 30m 1h 2h 4h 8h 12h 1d 1w, or month (monthly buckets)');
    expect(help).toContain('--interval month --out q1.csv');
    const cwd = tempDir();
    const before = sandbox.requests.length;
    ok(
      await cli(
        [
          'export',
          'team_performance_interval',
          '--from',
          '2026-01-15',
          '--to',
          '2026-04-01',
          '--tz',
          'America/Chicago',
          '--interval',
          'month',
          '--format',
          'json',
          '--out',
          'q1.json',
        ],
        { cwd },
      ),
    );
    const run = sandbox.requests
      .slice(before)
      .find((request) => request.path.endsWith('/team_performance_interval'));
    expect(run?.query).toMatchObject({ timeInterval: ['2592000000'], timezone: ['America/Chicago'] });
    const rows = JSON.parse(readFileSync(join(cwd, 'q1.json'), 'utf8')) as Record<string, string>[];
    const buckets = [...new Set(rows.map((r) => `${r.interval_start_date} ${r.interval_end_date}`))];
    // Chicago midnights: CST (-06:00) until 8 March, then CDT (-05:00).
    expect(buckets.map((b) => b.split(' ').map((date) => new Date(date).toISOString()))).toEqual([
      ['2026-01-15T06:00:00.000Z', '2026-02-01T06:00:00.000Z'],
      ['2026-02-01T06:00:00.000Z', '2026-03-01T06:00:00.000Z'],
      ['2026-03-01T06:00:00.000Z', '2026-04-01T05:00:00.000Z'],
    ]);
    expect(rows.length % 3).toBe(0);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('writes ndjson to a named file', async () => {
    const cwd = tempDir();
    ok(
      await cli(['export', 'response', ...range, '--format', 'ndjson', '--out', 'rows.ndjson', '--quiet'], {
        cwd,
      }),
    );
    const lines = readFileSync(join(cwd, 'rows.ndjson'), 'utf8').trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(typeof JSON.parse(line)).toBe('object');
  });

  it('--json-log gives machine-readable events on stderr', async () => {
    const cwd = tempDir();
    const result = ok(await cli(['--json-log', 'export', 'author', ...range, '--out', 'a.csv'], { cwd }));
    const events = result.stderr
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const names = events.map((event) => event.event);
    expect(names).toContain('started');
    expect(names.at(-1)).toBe('done');
    expect(events.some((event) => event.phase === 'waiting' && typeof event.polls === 'number')).toBe(true);
    expect(events.some((event) => event.phase === 'downloading')).toBe(true);
    expect(events.at(-1)).toMatchObject({ event: 'done', path: join(cwd, 'a.csv') });
  });
});

describe('start, status, wait, download', () => {
  it('runs a job in steps, passing the job as JSON, as a file and as bare ids', async () => {
    const cwd = tempDir();
    const started = ok(await cli(['start', 'conversation', ...range, '--format', 'json'], { cwd }));
    const job = JSON.parse(started.stdout) as { workflowId: string; runId: string; format: string };
    expect(job).toMatchObject({
      kind: 'khoros-care-analytics/report-job',
      reportType: 'conversation',
      format: 'json',
    });
    writeFileSync(join(cwd, 'job.json'), started.stdout);

    const status = ok(await cli(['status', started.stdout.trim()], { cwd }));
    expect(['running', 'completed']).toContain(JSON.parse(status.stdout).state);

    const waited = ok(await cli(['wait', 'job.json'], { cwd }));
    expect(JSON.parse(waited.stdout)).toMatchObject({
      state: 'completed',
      runnerState: 'CLOSED',
      detail: 'COMPLETED',
    });

    const downloaded = ok(
      await cli(
        [
          'download',
          job.workflowId,
          job.runId,
          '--job-format',
          'json',
          '--format',
          'ndjson',
          '--out',
          'out/',
        ],
        { cwd },
      ),
    );
    const file = join(cwd, 'out', `export-${job.workflowId.slice(0, 8)}.ndjson`);
    expect(downloaded.stdout).toContain('Wrote');
    expect(readFileSync(file, 'utf8').trimEnd().split('\n').length).toBeGreaterThan(0);

    const again = ok(await cli(['download', 'job.json', '--out', '-', '--quiet'], { cwd }));
    expect(JSON.parse(again.stdout).length).toBe(readFileSync(file, 'utf8').trimEnd().split('\n').length);
  });
});

describe('reference data and types', () => {
  it('timezones: a table, or JSON', async () => {
    const table = ok(await cli(['timezones']));
    expect(table.stdout).toMatch(/^ID\s+OFFSET\s+NAME$/m);
    expect(table.stdout).toContain('America/Chicago');
    const json = JSON.parse(ok(await cli(['timezones', '--json', '--locale', 'de'])).stdout) as {
      id: string;
    }[];
    expect(json.some((zone) => zone.id === 'Europe/Berlin')).toBe(true);
  });

  it('teams: a table, or JSON with the ids --team takes', async () => {
    const table = ok(await cli(['teams']));
    expect(table.stdout).toMatch(/^TEAM ID\s+NAME\s+MEMBERS\s+DESCRIPTION$/m);
    const teams = JSON.parse(ok(await cli(['teams', '--json'])).stdout) as { teamId: number }[];
    expect(teams.length).toBeGreaterThan(0);
    expect(typeof teams[0]?.teamId).toBe('number');
  });

  it('types: every report type, and one in detail, without any account', async () => {
    const all = await runCli(['types']);
    expect(all.code).toBe(0);
    for (const type of ['author', 'conversation', 'team_performance_interval', 'user'])
      expect(all.stdout).toContain(type);
    const one = await runCli(['types', 'team_performance_interval']);
    expect(one.stdout).toMatch(/--interval\s+timeInterval\s+yes\s+5m 10m .* 1d 1w month\s/);
    const json = JSON.parse((await runCli(['types', 'user', '--json'])).stdout) as Record<
      string,
      { flag: string }[]
    >;
    expect(json.user?.map((rule) => rule.flag)).toContain('--agent');
  });
});

describe('configuration', () => {
  it('reads the account from ./.env', async () => {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, '.env'),
      Object.entries(env)
        .map(([key, value]) => `${key}=${value}`)
        .join('\n'),
    );
    const result = await runCli(['teams', '--json'], { cwd });
    expectNoSecrets(result, secrets);
    expect(result.code).toBe(0);
  });

  it('takes the password from stdin with --password-stdin', async () => {
    const result = await cli(['teams', '--password-stdin'], {
      env: { KHOROS_ANALYTICS_PASSWORD: undefined },
      stdin: 'pw-e2e-S3cret!9\n',
    });
    expect(result.code).toBe(0);
  });

  it('names both ways to configure an account when none is set', async () => {
    const result = await runCli(['teams']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('KHOROS_ANALYTICS_USER');
    expect(result.stderr).toContain('--sandbox');
  });

  it('has no password flag', async () => {
    const result = await runCli(['teams', '--password', 'x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--password'");
  });
});

describe('care-analytics sandbox', () => {
  it('prints its URL and credentials in .env form, serves, and stops on Ctrl-C', async () => {
    let interrupted = false;
    let served: CliResult | undefined;
    const result = await runCli(
      ['sandbox', '--port', '0', '--seed', '7', '--rows-per-day', '50', '--speed', '10'],
      {
        onOutput: (child, output) => {
          if (interrupted || !output.stderr.includes('Ctrl-C stops it')) return;
          interrupted = true;
          const printed = Object.fromEntries(
            output.stdout
              .trim()
              .split('\n')
              .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
          );
          void runCli(['teams', '--json'], { env: printed }).then((teams) => {
            served = teams;
            child.kill('SIGINT');
          });
        },
      },
    );
    expect(result.stdout).toMatch(/^KHOROS_ANALYTICS_URL=http:\/\/127\.0\.0\.1:\d+\/api\/public$/m);
    expect(result.stdout).toMatch(/^KHOROS_ANALYTICS_PASSWORD=.+$/m);
    expect(served?.code).toBe(0);
    expect(JSON.parse(served?.stdout ?? '[]').length).toBeGreaterThan(0);
    expect(result.stderr).toContain('Sandbox stopped.');
    expect(result.code).toBe(130);
  });
});
