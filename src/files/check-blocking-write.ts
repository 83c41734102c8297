import { ValidationError } from '../errors/validation-error.js';

/** The default of `blockingWriteMs` (see WriteChunksOptions). */
const BLOCKING_WRITE_MS = 20;

/** `blockingWriteMs` as writeChunks and downloadToFile accept it: milliseconds, 0 or more. */
export function checkBlockingWriteMs(value: number | undefined): number {
  const ms = value ?? BLOCKING_WRITE_MS;
  if (!(ms >= 0)) {
    const problem = `${ms} is not a number of milliseconds`;
    throw new ValidationError('blockingWriteMs', problem, 'pass 0 (thread pool only) or more');
  }
  return ms;
}
