// `khoros-care-analytics/parameters`: the per-report-type parameter table generated from the
// spec (generated/report-parameters.ts), for tools that list, prompt for or fake parameters.
// The client validates against the same table, so it never disagrees with them.
export {
  type ParameterRule,
  type ReportOperation,
  type ReportType,
  reportOperations,
  reportTypes,
} from '../../generated/report-parameters.js';
export { acceptsValue } from './accepts-value.js';
