#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { exitCodes } from './errors/exit-codes.js';
import { runCli } from './run.js';

const interrupts = new AbortController();
process.on('SIGINT', () => {
  // The first Ctrl-C stops the command gracefully (temp files removed, sandbox closed); a second
  // one does not wait for that (the exit hook still removes temp files).
  if (interrupts.signal.aborted) process.exit(exitCodes.interrupted);
  interrupts.abort();
});
process.on('SIGTERM', () => interrupts.abort());
// A reader that closes `--out -` early (`| head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(exitCodes.ok);
});

const code = await runCli(
  process.argv.slice(2),
  {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    now: Date.now,
  },
  packageVersion(),
  interrupts.signal,
);
process.exitCode = code;
// Keep-alive sockets or a forgotten timer must not hold a cron job open once the work is done.
setTimeout(() => process.exit(code), 2_000).unref();

function packageVersion(): string {
  // src/cli/main.ts and dist/src/cli/main.js sit at different depths below package.json.
  for (const up of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'khoros-care-analytics' && pkg.version) return pkg.version;
    } catch {
      // Not at this depth.
    }
  }
  return '0.0.0';
}
