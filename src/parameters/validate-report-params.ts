import {
  type ParameterRule,
  type ReportOperation,
  type ReportType,
  reportOperations,
  reportTypes,
} from '../../generated/report-rules.js';
import { ValidationError } from '../errors/validation-error.js';
import type { ReportFormat } from '../types/report-job-state.js';
import type { ValidationWarning } from '../types/validation-warning.js';
import { checkRule, describeAllowed, show, type WireValue } from './check-rule.js';
import { coerceTime } from './coerce-time.js';
import { checkSemantics } from './semantic-rules.js';
import { collectWarnings } from './warnings.js';

export interface ValidatedReport {
  readonly type: ReportType;
  readonly operation: ReportOperation;
  readonly values: Readonly<Record<string, WireValue>>;
  readonly format: ReportFormat;
  readonly warnings: readonly ValidationWarning[];
}

function unknownParameter(type: ReportType, operation: ReportOperation, name: string): ValidationError {
  if (name === 'companyKey') {
    return new ValidationError(
      name,
      'it is not a report parameter',
      'set companyKey once in createCareAnalytics({ companyKey })',
    );
  }
  const typesWithIt = reportTypes.filter((t) => reportOperations[t].parameters.some((p) => p.name === name));
  const accepted = operation.parameters.map((p) => p.name).join(', ');
  const elsewhere = typesWithIt.length ? ` (it belongs to: ${typesWithIt.join(', ')})` : '';
  return new ValidationError(
    name,
    `the ${type} report has no such parameter${elsewhere}`,
    `remove it; ${type} accepts ${accepted}`,
  );
}

const allowed = (rule: ParameterRule): string =>
  rule.name === 'startTime' || rule.name === 'endTime'
    ? 'a Date, epoch milliseconds or an ISO 8601 date-time'
    : describeAllowed(rule);

/**
 * Checks a report's parameters against the generated spec table and the API's own rules
 * before anything is sent, for JavaScript callers as much as TypeScript ones.
 */
export function validateReportParams(type: unknown, input: unknown): ValidatedReport {
  if (typeof type !== 'string' || !reportTypes.includes(type as ReportType)) {
    throw new ValidationError(
      'reportType',
      `unknown report type ${show(type)}`,
      `use one of ${reportTypes.join(', ')}`,
    );
  }
  const reportType = type as ReportType;
  const operation = reportOperations[reportType];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ValidationError(
      'params',
      'expected an object of report parameters',
      'pass e.g. { startTime, endTime }',
    );
  }
  const given = input as Record<string, unknown>;
  for (const name of Object.keys(given)) {
    if (!operation.parameters.some((rule) => rule.name === name))
      throw unknownParameter(reportType, operation, name);
  }
  if (Array.isArray(given.smartViewId) && given.smartViewId.length > 1) {
    throw new ValidationError(
      'smartViewId',
      'an export covers exactly one smart view',
      'run one export per smart view',
    );
  }
  const values: Record<string, WireValue> = {};
  for (const rule of operation.parameters) {
    const raw = given[rule.name];
    // null means "not set" (the API treats an absent businessHourType as 24/7, docs/vendor-notes.md §3).
    if (raw === undefined || raw === null) {
      if (rule.required)
        throw new ValidationError(rule.name, 'it is required', `pass ${rule.name}, ${allowed(rule)}`);
      continue;
    }
    const value = rule.name === 'startTime' || rule.name === 'endTime' ? coerceTime(rule.name, raw) : raw;
    values[rule.name] = checkRule(rule, value);
  }
  checkSemantics(values);
  return {
    type: reportType,
    operation,
    values,
    format: (values.reportFormat as ReportFormat | undefined) ?? 'json',
    warnings: collectWarnings(values),
  };
}
