import { constants } from 'node:os';
import {
  AuthenticationError,
  RangeExportError,
  ReportFailedError,
  TimeoutError,
  ValidationError,
} from '../../index.js';
import { UsageError } from './usage-error.js';

/** What a scheduler can act on; documented in `care-analytics --help`. */
export const exitCodes = {
  ok: 0,
  failure: 1,
  usage: 2,
  authentication: 3,
  reportFailed: 4,
  timeout: 5,
  interrupted: 130,
} as const;

/**
 * The code of a run stopped by a signal: 128 + its number, as shells report it (SIGHUP 129,
 * SIGINT 130, SIGTERM 143). `interrupts` is aborted with the signal's name as its reason.
 */
export function interruptedExitCode(interrupts: AbortSignal): number {
  const reason: unknown = interrupts.reason;
  const number = typeof reason === 'string' ? constants.signals[reason as NodeJS.Signals] : undefined;
  return number === undefined ? exitCodes.interrupted : 128 + number;
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError || error instanceof ValidationError) return exitCodes.usage;
  // Another export owns the output: nothing was sent, the command must change.
  if (error instanceof RangeExportError && error.code === 'output-in-use') return exitCodes.usage;
  if (error instanceof AuthenticationError) return exitCodes.authentication;
  if (error instanceof ReportFailedError) return exitCodes.reportFailed;
  if (error instanceof TimeoutError) return exitCodes.timeout;
  if (error instanceof Error && error.name === 'AbortError') return exitCodes.interrupted;
  return exitCodes.failure;
}

export const exitCodeHelp = `Exit codes:
  0    success
  1    any other failure (network, server error, bad data)
  2    usage or validation error (nothing was sent)
  3    authentication failed (check user, password and company key)
  4    the report job failed
  5    timed out
  129  hung up (SIGHUP: terminal closed); no partial file is left
  130  interrupted (Ctrl-C, SIGINT); no partial file is left
  143  terminated (SIGTERM); no partial file is left`;
