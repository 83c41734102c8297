// kill -9 of `care-analytics export` in the middle of a range, against a sandbox in another
// process, then the same command again: the final file is byte-identical to an uninterrupted
// run's, and the sandbox saw at most one run call more than there are windows (a start cut off
// between its request and the manifest write).
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPath, runCli, tempDir } from '../support/run-cli.js';

let sandbox: ChildProcess;
let env: Record<string, string> = {};
let adminUrl = '';

beforeAll(async () => {
  sandbox = spawn(
    process.execPath,
    [cliPath, 'sandbox', '--speed', '50', '--rows-per-day', '24', '--seed', '5'],
    {
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let text = '';
  await new Promise<void>((resolve, reject) => {
    sandbox.on('exit', (code) => reject(new Error(`sandbox exited ${code}`)));
    sandbox.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('KHOROS_ANALYTICS_COMPANY_KEY=') && text.endsWith('\n')) resolve();
    });
  });
  env = Object.fromEntries(
    text
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  adminUrl = `${new URL(env.KHOROS_ANALYTICS_URL ?? '').origin}/__sandbox`;
});
afterAll(() => {
  sandbox?.kill('SIGTERM');
});

async function runCalls(): Promise<number> {
  const log = (await (await fetch(`${adminUrl}/requests`)).json()) as { route: string }[];
  return log.filter((entry) => entry.route === 'run').length;
}

const now = new Date();
const month = (back: number) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 10);
const args = (out: string) => [
  '--json-log',
  'export',
  'conversation',
  '--from',
  month(13),
  '--to',
  month(0),
  '--window',
  'month',
  '--out',
  out,
];

describe('range export survives kill -9', () => {
  it('rerun after kill -9: byte-identical output, at most one extra run call', async () => {
    const cwd = tempDir();
    const whole = await runCli(args('whole.csv'), { cwd, env });
    expect(whole.code).toBe(0);

    const before = await runCalls();
    let killedAfter = 0;
    const killed = await runCli(args('resumed.csv'), {
      cwd,
      env,
      onOutput: (child, output) => {
        const done = output.stderr.split('"state":"done"').length - 1;
        if (done >= 4 && killedAfter === 0) {
          killedAfter = done;
          child.kill('SIGKILL');
        }
      },
    });
    expect(killed.signal).toBe('SIGKILL');
    const manifest = JSON.parse(readFileSync(join(cwd, 'resumed.csv.manifest.json'), 'utf8'));
    const states = manifest.windows.map((w: { state: string }) => w.state);
    expect(states.filter((s: string) => s === 'done').length).toBeGreaterThanOrEqual(4);
    expect(states.filter((s: string) => s !== 'done').length).toBeGreaterThan(0);

    const again = await runCli(args('resumed.csv'), { cwd, env });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/in 13 windows, \d+ kept from an earlier run/);
    expect(readFileSync(join(cwd, 'resumed.csv')).equals(readFileSync(join(cwd, 'whole.csv')))).toBe(true);
    const calls = (await runCalls()) - before;
    expect(calls).toBeLessThanOrEqual(13 + 1);
    expect(calls).toBeGreaterThanOrEqual(13);
    console.info(
      `kill -9 after ${killedAfter} windows: ${calls} run calls for 13 windows, output byte-identical`,
    );
  }, 180_000);
});
