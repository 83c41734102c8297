import { type ReportType, reportTypes } from '../../../generated/report-rules.js';
import { ValidationError } from '../../errors/validation-error.js';
import type { ReportJobIds, ReportJobState } from '../../types/report-job-state.js';

// The saved-job format, written and read only here.
const KIND: ReportJobState['kind'] = 'khoros-care-analytics/report-job';
const VERSION: ReportJobState['version'] = 1;

const FIX = 'pass the object returned by job.toJSON() (or its JSON text) unchanged';

/** The saved form of a job; `startedAt` defaults to now (a job known only by its ids). */
export function jobState(ids: ReportJobIds, startedAt: Date = new Date()): ReportJobState {
  return {
    kind: KIND,
    version: VERSION,
    workflowId: ids.workflowId,
    runId: ids.runId,
    reportType: ids.reportType,
    format: ids.format,
    startedAt: startedAt.toISOString(),
  };
}

/**
 * A saved job (object or JSON text) checked field by field. An object without `kind` and
 * `version` is a job known only by its ids (started by another tool): it gets them here.
 */
export function parseJobState(input: unknown): ReportJobState {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      throw new ValidationError('state', 'it is not JSON', FIX);
    }
  }
  const given = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const idsOnly = given.kind === undefined && given.version === undefined;
  const state = idsOnly
    ? { ...given, kind: KIND, version: VERSION, startedAt: new Date().toISOString() }
    : given;
  if (state.kind !== KIND || state.version !== VERSION) {
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
