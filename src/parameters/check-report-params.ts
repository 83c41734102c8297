import type { ReportType } from '../../generated/report-parameters.js';
import type { ValidationWarning } from '../types/validation-warning.js';
import { validateReportParams } from './validate-report-params.js';

/**
 * Checks a report's parameters exactly as `reports.start()` does, without a client or a request:
 * throws the same ValidationError (naming the parameter), returns the warnings start() would
 * report. For checking a configuration before a scheduled run, or input before opening a session.
 */
export function checkReportParams(type: ReportType, params: unknown): readonly ValidationWarning[] {
  return validateReportParams(type, params).warnings;
}
