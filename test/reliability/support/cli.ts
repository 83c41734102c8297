import { PassThrough } from 'node:stream';
import { runCli } from '../../../src/cli/run.js';

export interface InProcessResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs one CLI command line in this process, with its own output streams and environment. */
export async function cliInProcess(
  argv: readonly string[],
  options: { env?: Record<string, string>; cwd: string; signal?: AbortSignal },
): Promise<InProcessResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const code = await runCli(
    argv,
    {
      stdout,
      stderr,
      stdin: new PassThrough(),
      env: { ...options.env },
      cwd: options.cwd,
      now: Date.now,
    },
    '0.0.0-test',
    options.signal ?? new AbortController().signal,
  );
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}
