import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { expectNoSecrets } from '../support/expectations.js';
import { repoRoot, runCli, tempDir } from '../support/run-cli.js';

const commands = ['export', 'start', 'status', 'wait', 'download', 'timezones', 'teams', 'types', 'sandbox'];

describe('the main job (npm start)', () => {
  it('exports a week of conversations from the embedded sandbox as CSV into exports/', async () => {
    const cwd = tempDir();
    // The exact arguments of `npm start`, read from package.json so the test follows the script.
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      scripts: { start: string };
    };
    const args = pkg.scripts.start.replace(/^node dist\/src\/cli\/main\.js /, '').split(' ');
    expect(args).toContain('--sandbox');
    const result = await runCli(args, { cwd });
    expectNoSecrets(result, ['sandbox-password', 'sandbox-company-key']);
    expect(result.stderr).not.toContain('care-analytics:');
    expect(result.code).toBe(0);

    const files = readdirSync(join(cwd, 'exports'));
    expect(files).toHaveLength(1);
    const [file = ''] = files;
    expect(file).toMatch(/^conversation-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync(join(cwd, 'exports', file), 'utf8');
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.keys(rows[0] ?? {})).toContain('CONVERSATION_ID');

    // Ends with the path, the row count and the elapsed time.
    expect(result.stdout).toMatch(
      new RegExp(
        `^Wrote ${rows.length.toLocaleString('en-US')} rows \\([\\d.]+ [KMG]?B\\) to exports/${file.replace('.', '\\.')} in [\\d.]+ s\\n$`,
      ),
    );
    // Progress went to stderr, as plain lines (not a TTY here).
    expect(result.stderr).toContain('conversation · waiting');
    expect(result.stderr).toContain('downloading');
  });

  it('--help lists every command (`npx care-analytics --help`: npx.slow.test.ts)', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const command of commands) expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    const result = await runCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${pkg.version}\n`);
  });

  it('every command has its own --help', async () => {
    for (const command of commands) {
      const result = await runCli([command, '--help']);
      expect(result.code, command).toBe(0);
      expect(result.stdout).toContain(`Usage: care-analytics ${command}`);
    }
  });
});
