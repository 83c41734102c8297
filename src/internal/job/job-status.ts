import { ApiError } from '../../errors/api-error.js';
import type { JobState, JobStatus } from '../../types/job-status.js';
import type { ResponseContext } from '../envelope/response-context.js';

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const count = (value: unknown): number | null => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
};

/** Runner states the vendor documents (docs/vendor-notes.md §4); wait() reports others once. */
export const KNOWN_RUNNER_STATES: readonly string[] = ['RUNNING', 'CLOSED', 'FAILED'];

/**
 * The API sometimes wraps the status in a one-element array. Unknown runner states count as
 * running (the caller's deadline bounds them); CLOSED is a success only with detail COMPLETED;
 * a runner state of FAILED is a failure even without CLOSED (polling it on would only wait for
 * the deadline).
 */
export function normalizeStatus(result: unknown, workflowId: string, context: ResponseContext): JobStatus {
  const item = Array.isArray(result) ? result[0] : result;
  const outer = record(item);
  const inner = record(outer?.result) ?? outer;
  if (!inner || typeof inner.runnerState !== 'string') {
    throw new ApiError('The status response has no runnerState', context);
  }
  const runnerState = inner.runnerState;
  const detail = text(inner.detail ?? inner.details);
  const upper = runnerState.toUpperCase();
  const state: JobState =
    upper === 'FAILED'
      ? 'failed'
      : upper !== 'CLOSED'
        ? 'running'
        : detail.toUpperCase() === 'COMPLETED'
          ? 'completed'
          : 'failed';
  const reason = typeof inner.reason === 'string' && inner.reason ? inner.reason : null;
  return {
    state,
    workflowId,
    runnerState,
    detail,
    reason,
    currentCount: count(inner.currentCount),
    totalCount: count(inner.totalCount),
  };
}
