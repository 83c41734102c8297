// The report request as the generator sees it: wire parameters already parsed and typed.
import type { ReportType } from '../../parameters/index.js';

export type { ReportType };

export type ConversationReportType = 'OPEN_AT_END' | 'CLOSED' | 'CREATED';

export interface ReportParams {
  /** Epoch ms, inclusive. */
  readonly startTime: number;
  /** Epoch ms, exclusive. */
  readonly endTime: number;
  readonly reportFormat?: 'json' | 'csv' | undefined;
  readonly reportMetrics?: readonly string[] | undefined;
  readonly timezone?: string | undefined;
  readonly timezoneOffset?: number | undefined;
  readonly priorities?: readonly number[] | undefined;
  readonly workqueueIds?: readonly number[] | undefined;
  readonly teamIds?: readonly number[] | undefined;
  /** `user` report: repeated `teamId` keys. */
  readonly teamId?: readonly number[] | undefined;
  /** `user` report: repeated `agentId` keys. */
  readonly agentId?: readonly number[] | undefined;
  readonly conversationReportType?: ConversationReportType | undefined;
  readonly includeDisabled?: boolean | undefined;
  readonly timeInterval?: number | undefined;
  readonly raiselimit?: boolean | undefined;
  readonly locale?: string | undefined;
}

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
