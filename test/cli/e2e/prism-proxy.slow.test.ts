// Prism, a validating proxy the project does not otherwise use, between the CLI and the sandbox:
// every report type in csv and json, and every request and answer Prism sees must pass the spec.
// Prism follows the /download 307 itself (and so sends the credentials to the storage host,
// which refuses them), so that one hop is left out: the CLI then downloads the finished job
// straight from the sandbox.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportTypes } from '../../../generated/report-parameters.js';
import { type Sandbox, startSandbox } from '../../../src/sandbox/index.js';
import { recentRange } from '../support/recent-range.js';
import { accountEnv, repoRoot, runCli, tempDir } from '../support/run-cli.js';

const require = createRequire(import.meta.url);
const manifest = require.resolve('@stoplight/prism-cli/package.json');
const prismBin = join(manifest, '..', JSON.parse(readFileSync(manifest, 'utf8')).bin.prism);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

interface Seen {
  readonly request: string;
  readonly violations: string[];
}

/** Prism's log, cut into requests (`[HTTP SERVER] get /path … Request received`) and their violations. */
function requestsIn(log: string): Seen[] {
  const seen: Seen[] = [];
  for (const line of log.split('\n')) {
    const received = /\[HTTP SERVER\] (\w+) (\S+) .*Request received/.exec(line);
    if (received) seen.push({ request: `${received[1]?.toUpperCase()} ${received[2]}`, violations: [] });
    const violation = /Violation: (.*)$/.exec(line);
    if (violation?.[1]) seen.at(-1)?.violations.push(violation[1]);
  }
  return seen;
}

describe('CLI through a Prism validating proxy', { timeout: 600_000 }, () => {
  let sandbox: Sandbox;
  let prism: ChildProcess;
  let prismUrl: string;
  let log = '';
  const range = recentRange(2, 1);

  beforeAll(async () => {
    sandbox = await startSandbox({ jobDurationMs: 50 });
    const port = await freePort();
    prismUrl = `http://127.0.0.1:${port}`;
    // The spec's paths start below /api/public; Prism matches them against the request path.
    prism = spawn(
      process.execPath,
      [
        prismBin,
        'proxy',
        join(repoRoot, 'generated/openapi.json'),
        sandbox.url,
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
      ],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH, NO_COLOR: '1' } },
    );
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        log += chunk.toString('utf8');
        if (log.includes('Prism is listening')) resolve();
      };
      prism.stdout?.on('data', onData);
      prism.stderr?.on('data', onData);
      prism.on('exit', (code) => reject(new Error(`prism exited (${code}) before listening:\n${log}`)));
    });
  }, 180_000);

  afterAll(async () => {
    prism?.kill();
    await sandbox?.close();
  });

  const cases = reportTypes.flatMap((type) =>
    (['csv', 'json'] as const).map((format) => [type, format] as const),
  );

  it.each(cases)('%s as %s: 0 violations outside the download hop', async (type, format) => {
    const before = log.length;
    const out = tempDir('prism-');
    const args = ['export', type, ...range, '--format', format, '--out', `${out}/`];
    if (type === 'team_performance_interval') args.push('--interval', '1d');
    const proxied = await runCli(args, { env: { ...accountEnv(sandbox), KHOROS_ANALYTICS_URL: prismUrl } });
    await new Promise((r) => setImmediate(r));
    const seen = requestsIn(log.slice(before));
    const outside = seen.filter((s) => !/\/download$/.test(s.request.split('?')[0] ?? ''));
    expect(
      outside.map((s) => s.request.replace(/\/reports\/report\/[^/]+\/[^/]+\//, '/reports/report/…/')),
    ).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^POST /reports/report/${type}$`)),
        'GET /reports/report/…/status',
      ]),
    );
    expect(outside.flatMap((s) => s.violations.map((v) => `${s.request}: ${v}`))).toEqual([]);
    expect(seen.some((s) => /\/download$/.test(s.request))).toBe(true);

    // The download hop, straight from the sandbox, with the job the CLI printed.
    const job = /care-analytics download '([^']+)'/.exec(proxied.stderr)?.[1];
    expect(job, proxied.stderr).toBeDefined();
    const direct = await runCli(['download', job ?? '', '--out', `${out}/${type}.${format}`], {
      env: accountEnv(sandbox),
    });
    expect(direct.code, direct.stderr).toBe(0);
    expect(statSync(`${out}/${type}.${format}`).size).toBeGreaterThan(0);
  });

  it('saw every run, status and download request of the 26 exports', () => {
    const seen = requestsIn(log);
    const runs = seen.filter((s) => /^POST \/reports\/report\/[a-z_]+$/.test(s.request));
    const violations = seen.filter((s) => !s.request.endsWith('/download')).flatMap((s) => s.violations);
    const downloadHop = seen.filter((s) => s.request.endsWith('/download'));
    expect(runs).toHaveLength(26);
    expect(violations).toEqual([]);
    expect(downloadHop.length).toBeGreaterThanOrEqual(26);
    // Prism does validate: the hop it follows by itself (an XML refusal from storage) is flagged.
    expect(downloadHop.flatMap((s) => s.violations)).toEqual(
      expect.arrayContaining([expect.stringContaining('application/xml')]),
    );
    console.info(
      `prism: ${seen.length} requests, ${violations.length} request/response violations outside /download; ` +
        `${downloadHop.length} /download hops with ${downloadHop.flatMap((s) => s.violations).length} violations (left out)`,
    );
  });
});
