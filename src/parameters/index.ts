// `khoros-care-analytics/parameters`: the per-report-type parameter table generated from the
// spec (generated/report-parameters.ts), for tools that list, prompt for or fake parameters, and
// checkReportParams, the client's own validation of a report's parameters. The client validates
// against the same table, so it never disagrees with them. Not in the main entry: a client that
// only runs reports loads the validation with its first start().
export {
  type ParameterRule,
  type ReportOperation,
  type ReportType,
  reportOperations,
  reportTypes,
} from '../../generated/report-parameters.js';
export { acceptsValue } from './accepts-value.js';
export { checkReportParams } from './check-report-params.js';
