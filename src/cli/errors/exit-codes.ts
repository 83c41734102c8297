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
  130  interrupted (Ctrl-C); no partial file is left`;
