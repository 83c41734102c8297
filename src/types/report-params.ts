import type { ReportType } from '../../generated/report-parameters.js';
import type { paths } from '../../generated/schema.js';
import type { TimeInterval } from '../time/time-interval.js';
import type { TimeInput } from './time-input.js';

type RunOperation<T extends ReportType> = paths[`/reports/report/${T}`]['post'];

// `query?: never` (no query parameters) infers as undefined; map that to "no keys".
type QueryOf<O> = O extends { parameters: { query?: infer Q } }
  ? [Exclude<Q, undefined>] extends [never]
    ? unknown
    : Exclude<Q, undefined>
  : unknown;

type FormOf<O> = O extends { requestBody: { content: { 'application/x-www-form-urlencoded': infer B } } }
  ? B
  : unknown;

/**
 * Times accept what callers have at hand; lists accept readonly arrays (e.g. `as const`);
 * timeInterval is narrowed back from `number` (see TimeInterval).
 */
type Widen<P> = {
  [K in keyof P]: K extends 'startTime' | 'endTime'
    ? TimeInput
    : K extends 'timeInterval'
      ? TimeInterval
      : P[K] extends (infer I)[]
        ? readonly I[]
        : P[K];
};

/**
 * The parameters of one report type, straight from the generated schema: its query parameters
 * plus, for the three body endpoints, its form fields. `companyKey` is not among them (a
 * security scheme, set once on the client).
 */
export type ReportParams<T extends ReportType> = Widen<QueryOf<RunOperation<T>> & FormOf<RunOperation<T>>>;
