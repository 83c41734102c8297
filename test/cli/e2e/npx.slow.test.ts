import { describe, expect, it } from 'vitest';
import { repoRoot, runShell } from '../support/run-cli.js';

const commands = ['export', 'start', 'status', 'wait', 'download', 'timezones', 'teams', 'types', 'sandbox'];

// Slow tier: npx resolves the bin through npm, which takes many seconds on a loaded 2-core machine.
describe('npx', () => {
  it('`npx care-analytics --help` lists every command', async () => {
    const npx = await runShell('npx --no-install care-analytics --help', { cwd: repoRoot });
    expect(npx.code).toBe(0);
    for (const command of commands) expect(npx.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  }, 90_000);
});
