import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../src/sandbox/index.js';
import { expectNoSecrets } from '../support/expectations.js';
import { recentRange } from '../support/recent-range.js';
import { accountEnv, cliPath, runShell, tempDir } from '../support/run-cli.js';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ password: 'pw-e2e-Tty!42', companyKey: 'ck-e2e-tty', jobDurationMs: 1_500 });
});
afterAll(() => sandbox.close());

// util-linux `script` (Debian's essential bsdutils) gives the CLI a pseudo-terminal as stdout and stderr.
describe('progress on a terminal', () => {
  it('draws one live line (phase, elapsed, polls, bytes, rows) and clears it before the result', async () => {
    const cwd = tempDir();
    const command = `node ${cliPath} export conversation ${recentRange(9, 7).join(' ')} --out week.csv`;
    const result = await runShell(`script -qfec "${command}" /dev/null`, {
      cwd,
      env: { ...accountEnv(sandbox), TERM: 'xterm', COLUMNS: '160' },
    });
    expectNoSecrets(result, ['pw-e2e-Tty!42', 'ck-e2e-tty']);
    expect(result.code).toBe(0);
    const screen = result.stdout;
    // Redrawn in place: carriage return + erase line, never a newline between redraws.
    const redraws = screen.split('\r\x1b[2K');
    expect(redraws.length).toBeGreaterThan(3);
    expect(screen).toMatch(/conversation · waiting · \d+\.\d s · \d+ polls?/);
    expect(screen).toMatch(
      /conversation · downloading · \d+\.\d s · [\d.]+ [KMG]?B( \/ [\d.]+ [KMG]?B)?( · [\d.]+ [KMG]?B\/s)? · [\d,]+ rows/,
    );
    const live = redraws.slice(1, -1);
    for (const line of live) expect(line).not.toContain('\n');
    // The live line is erased, then the result is printed on a clean line.
    expect(redraws.at(-1)).toMatch(/^Wrote [\d,]+ rows \([\d.]+ [KMG]?B\) to week\.csv in [\d.]+ s\r?\n$/);
    expect(readdirSync(cwd)).toEqual(['week.csv']);
    expect(existsSync(join(cwd, 'week.csv'))).toBe(true);
  });

  it('--quiet draws nothing on a terminal either', async () => {
    const cwd = tempDir();
    const command = `node ${cliPath} --quiet export conversation ${recentRange(9, 8).join(' ')} --out day.csv`;
    const result = await runShell(`script -qfec "${command}" /dev/null`, { cwd, env: accountEnv(sandbox) });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(readdirSync(cwd)).toEqual(['day.csv']);
  });
});
