import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtCli } from './paths.js';

export { repoRoot } from './paths.js';
export const cliPath = builtCli;

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** Environment on top of a minimal one (PATH, HOME); nothing else leaks in from the test process. */
  readonly env?: Record<string, string | undefined>;
  readonly cwd?: string;
  readonly stdin?: string;
  /** Called as output arrives; may signal the child (e.g. SIGINT once the download started). */
  readonly onOutput?: (child: ChildProcess, output: { stdout: string; stderr: string }) => void;
}

export function tempDir(prefix = 'cli-e2e-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Spawns the built CLI and resolves when it exits. */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  const child = spawn(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? tempDir(),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return collect(child, options);
}

/** Runs a shell command line (for `script`, pipes) with the same environment rules. */
export function runShell(command: string, options: RunOptions = {}): Promise<CliResult> {
  const child = spawn('/bin/sh', ['-c', command], {
    cwd: options.cwd ?? tempDir(),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return collect(child, options);
}

function collect(child: ChildProcess, options: RunOptions): Promise<CliResult> {
  const output = { stdout: '', stderr: '' };
  child.stdout?.setEncoding('utf8').on('data', (text: string) => {
    output.stdout += text;
    options.onOutput?.(child, output);
  });
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    output.stderr += text;
    options.onOutput?.(child, output);
  });
  child.stdin?.end(options.stdin ?? '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, ...output }));
  });
}

/** The environment that points the CLI at a sandbox (or any account). */
export function accountEnv(sandbox: {
  url: string;
  credentials: { username: string; password: string; companyKey: string };
}): Record<string, string> {
  return {
    KHOROS_ANALYTICS_URL: sandbox.url,
    KHOROS_ANALYTICS_USER: sandbox.credentials.username,
    KHOROS_ANALYTICS_PASSWORD: sandbox.credentials.password,
    KHOROS_ANALYTICS_COMPANY_KEY: sandbox.credentials.companyKey,
  };
}
