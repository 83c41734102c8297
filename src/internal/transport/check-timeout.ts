import { ValidationError } from '../../errors/validation-error.js';

/** A per-attempt timeout as the client and each call accept it: milliseconds above zero. */
export function checkTimeoutMs(value: number): number {
  if (!(value > 0))
    throw new ValidationError('timeoutMs', `${value} is not positive`, 'pass milliseconds > 0');
  return value;
}
