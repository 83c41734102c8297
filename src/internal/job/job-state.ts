import { type ReportType, reportTypes } from '../../../generated/report-parameters.js';
import { ValidationError } from '../../errors/validation-error.js';
import type { ReportJobState } from '../../types/report-job-state.js';

const FIX = 'pass the object returned by job.toJSON() (or its JSON text) unchanged';

export function parseJobState(input: unknown): ReportJobState {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      throw new ValidationError('state', 'it is not JSON', FIX);
    }
  }
  const state = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (state.kind !== 'khoros-care-analytics/report-job' || state.version !== 1) {
    throw new ValidationError('state', 'it is not a saved report job (kind/version)', FIX);
  }
  for (const key of ['workflowId', 'runId', 'startedAt'] as const) {
    if (typeof state[key] !== 'string' || !state[key])
      throw new ValidationError(`state.${key}`, 'missing', FIX);
  }
  if (!reportTypes.includes(state.reportType as ReportType)) {
    throw new ValidationError('state.reportType', `unknown report type ${String(state.reportType)}`, FIX);
  }
  if (state.format !== 'json' && state.format !== 'csv') {
    throw new ValidationError('state.format', 'must be json or csv', FIX);
  }
  return state as unknown as ReportJobState;
}
