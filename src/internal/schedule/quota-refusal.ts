import { RateLimitError } from '../../errors/rate-limit-error.js';
import { ReportFailedError } from '../../errors/report-failed-error.js';

/** The reason the service gives for an export over the per-user or per-company quota. */
const TOO_MANY_EXPORTS = /too many exports/i;

/**
 * A start the service refused before any export ran: the job closed FAILED at once for the
 * quota, or the run call was answered 429 (after the transport's own retries). Such a start
 * may be sent again; any other failure may not.
 */
export function isQuotaRefusal(error: unknown): boolean {
  if (error instanceof RateLimitError) return true;
  return error instanceof ReportFailedError && TOO_MANY_EXPORTS.test(error.reason ?? '');
}
