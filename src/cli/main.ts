#!/usr/bin/env node
import { readFileSync } from 'node:fs';

const argv = process.argv.slice(2);
// `--version` alone answers before anything else loads: scripts call it to probe the install. So
// this file imports nothing of ours statically (the exit codes module loads the client's errors,
// and with them the whole client entry).
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${packageVersion()}\n`);
} else {
  await main();
}

async function main(): Promise<void> {
  const [{ runCli }, { exitCodes, interruptedExitCode }] = await Promise.all([
    import('./run.js'),
    import('./errors/exit-codes.js'),
  ]);
  const interrupts = new AbortController();
  // The first signal stops the command gracefully (temp files removed, sandbox closed); a second
  // one does not wait for that (the exit hook still removes temp files). SIGHUP (a closed terminal,
  // a killed tmux) is handled like the others, so it too leaves no partial file behind.
  for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(name, () => {
      if (interrupts.signal.aborted) process.exit(interruptedExitCode(interrupts.signal));
      interrupts.abort(name);
    });
  }
  // A reader that closes `--out -` early (`| head`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(exitCodes.ok);
  });

  const code = await runCli(
    argv,
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
}

function packageVersion(): string {
  // The package root is a few levels up from src/cli/ or dist/src/cli/.
  let directory = new URL('.', import.meta.url);
  for (let level = 0; level < 6; level++) {
    directory = new URL('..', directory);
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', directory), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'khoros-care-analytics' && pkg.version) return pkg.version;
    } catch {
      // Not at this level.
    }
  }
  return '0.0.0';
}
