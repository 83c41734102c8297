// The report request as the generator sees it: wire parameters already parsed and typed.
import type { ReportParams as ClientReportParams } from '../../index.js';
import type { ReportType } from '../../parameters/index.js';

export type { ReportType };

/** Every parameter any report type takes, each optional, with its type from the spec. */
type AnyParameter<U> = {
  readonly [K in U extends unknown ? keyof U : never]?: U extends { readonly [P in K]?: infer V } ? V : never;
};

/** Which conversations a `conversation` export selects (`conversationReportType`). */
export type ConversationReportType = NonNullable<
  ClientReportParams<'conversation'>['conversationReportType']
>;

/**
 * A report request as the sandbox reads it off the wire, derived from the generated types:
 * every parameter of any report type (the request was checked against the spec first), with
 * times and intervals as the epoch-millisecond numbers the wire carries.
 */
export type ReportParams = Omit<
  AnyParameter<{ [T in ReportType]: ClientReportParams<T> }[ReportType]>,
  'startTime' | 'endTime' | 'timeInterval'
> & {
  /** Epoch ms, inclusive. */
  readonly startTime: number;
  /** Epoch ms, exclusive. */
  readonly endTime: number;
  readonly timeInterval?: number | undefined;
};

/** What shapes the sandbox's data besides the request: the same values give the same bytes. */
export interface DataOptions {
  /** Seed of every generated value (default 1). */
  readonly seed: number;
  /** Rows per day for the event reports (default 500); raise it for very large exports. */
  readonly rowsPerDay: number;
  /** Size of the roster behind `/teams` and the agent columns (defaults 4 and 24). */
  readonly teams: number;
  readonly agents: number;
}

export const defaultDataOptions: DataOptions = { seed: 1, rowsPerDay: 500, teams: 4, agents: 24 };
