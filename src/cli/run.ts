import { CommanderError } from 'commander';
import type { CliContext } from './context.js';
import { debugDetails, describeError } from './errors/describe-error.js';
import { exitCodeFor, exitCodes, interruptedExitCode } from './errors/exit-codes.js';
import { createProgram } from './program.js';

export type CliIo = Omit<CliContext, 'signal' | 'secrets'>;

/**
 * Runs one command line and returns the exit code. Ctrl-C (or SIGHUP, SIGTERM) aborts the command's
 * signal: waits and downloads stop at once and clean up (no partial file), then the code is 128 +
 * the signal's number. Every failure is
 * printed as one scrubbed line on stderr (plus a JSON event with --json-log, a stack with --debug).
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  version: string,
  interrupts: AbortSignal,
): Promise<number> {
  const context: CliContext = { ...io, signal: interrupts, secrets: new Set() };
  const program = await createProgram(context, version, argv);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return interrupts.aborted ? interruptedExitCode(interrupts) : exitCodes.ok;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    if (isBrokenPipe(error)) return exitCodes.ok;
    const code = interrupts.aborted ? interruptedExitCode(interrupts) : exitCodeFor(error);
    const secrets = [...context.secrets];
    const message = describeError(error, secrets);
    const options = program.opts<{ jsonLog?: boolean; debug?: boolean }>();
    if (options.jsonLog) {
      context.stderr.write(
        `${JSON.stringify({ event: 'error', time: new Date(context.now()).toISOString(), message, exitCode: code })}\n`,
      );
    }
    context.stderr.write(`care-analytics: ${interrupts.aborted ? 'interrupted' : message}\n`);
    if (options.debug) context.stderr.write(`${debugDetails(error, secrets)}\n`);
    return code;
  }
}

/** The reader of `--out -` went away (`| head`): what it read is what it wanted. */
function isBrokenPipe(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'EPIPE';
}
