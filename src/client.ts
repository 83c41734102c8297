import type { ReportType } from '../generated/report-parameters.js';
import { ValidationError } from './errors/validation-error.js';
import { parseJobState } from './internal/job/job-state.js';
import { ReportJob as TransportReportJob } from './internal/job/report-job.js';
import { startReport } from './internal/job/start-report.js';
import { listTeams, listTimeZones } from './internal/reference/list-reference-data.js';
import { checkTimeoutMs } from './internal/transport/check-timeout.js';
import { DEFAULT_BASE_URL, parseBaseUrl } from './internal/transport/origin-guard.js';
import { resolveRetryPolicy } from './internal/transport/retry-policy.js';
import { Transport } from './internal/transport/transport.js';
import { emitProcessWarning } from './internal/validation/validation-warning.js';
import type { FetchLike } from './types/fetch-like.js';
import type { Hooks } from './types/hooks.js';
import type { CareAnalyticsRawClient } from './types/raw-client.js';
import type { Team, TimeZone } from './types/reference-data.js';
import type { ReportJob } from './types/report-job.js';
import type { ReportJobIds, ReportJobState } from './types/report-job-state.js';
import type { ReportParams } from './types/report-params.js';
import type { RequestOptions } from './types/request-options.js';
import type { RetryOptions } from './types/retry-options.js';
import type { WarningHandler } from './types/validation-warning.js';
import type { WaitOptions } from './types/wait.js';

/**
 * How {@link createCareAnalytics} reaches the API: the account (required) and the transport
 * defaults (all optional).
 *
 * @example
 * ```ts
 * const options: CareAnalyticsOptions = {
 *   baseUrl: 'https://analytics-api.app.lithium.com/api/public',
 *   username: process.env.KHOROS_ANALYTICS_USER ?? '',
 *   password: process.env.KHOROS_ANALYTICS_PASSWORD ?? '',
 *   companyKey: process.env.KHOROS_ANALYTICS_COMPANY_KEY ?? '',
 *   retry: { limit: 5 },
 * };
 * ```
 */
export interface CareAnalyticsOptions {
  /** API base URL including `/api/public` (region-specific; see Settings > Developer). */
  readonly baseUrl?: string;
  /** The dedicated Analytics API user. */
  readonly username: string;
  /** Its password; sent only to the `baseUrl` origin, never shown in errors or logs. */
  readonly password: string;
  /** Account-level key, sent as the `companyKey` query parameter of every API call. */
  readonly companyKey: string;
  /** A fetch to use instead of the global one (tests, proxies, instrumentation). */
  readonly fetch?: FetchLike;
  /** Per-attempt timeout in ms, until the response (headers, for downloads) arrives. Default 30 s. */
  readonly timeoutMs?: number;
  /** Which failures are retried and how long to back off (see {@link RetryOptions}). */
  readonly retry?: RetryOptions;
  /** The `User-Agent` sent with every request. */
  readonly userAgent?: string;
  /** Receives warnings about requests the API accepts but may answer partially. */
  readonly onWarning?: WarningHandler;
  /** Told of every request, response and retry, with secrets already masked (for logs, progress). */
  readonly hooks?: Hooks;
  /** Allow plain http to a non-loopback host. Credentials then travel unencrypted. */
  readonly allowInsecureHttp?: boolean;
}

/** What `withOptions` can change: everything but the account. */
export type ClientDefaults = Omit<CareAnalyticsOptions, 'username' | 'password' | 'companyKey'>;

/**
 * The client: start, follow and download exports, look up reference data. Made by
 * {@link createCareAnalytics}.
 *
 * @example
 * ```ts
 * const job = await ca.reports.run('conversation', { startTime, endTime, reportFormat: 'csv' });
 * for await (const row of job.rows()) console.log(row.CONVERSATION_ID);
 * ```
 */
export interface CareAnalytics {
  /** Export jobs: start one, start and wait for one, or pick up a saved one. */
  readonly reports: {
    /** Validates the parameters and starts an export job. */
    start<T extends ReportType>(
      type: T,
      params: ReportParams<T>,
      options?: RequestOptions,
    ): Promise<ReportJob<T>>;
    /** start() then wait(): resolves with the finished job, ready to download. */
    run<T extends ReportType>(type: T, params: ReportParams<T>, options?: WaitOptions): Promise<ReportJob<T>>;
    /**
     * A job saved with `job.toJSON()` (object or JSON text), in this or another process, or one
     * known only by its ids.
     */
    resume(state: ReportJobState | ReportJobIds | string): ReportJob;
  };
  /** The time-zone ids the `timezone` parameter accepts (`GET /config/timezones`). */
  readonly timezones: {
    /**
     * Lists the time zones, named in `locale` (default `en`).
     *
     * @throws {@link ApiError} (and its subclasses) when the service refuses; {@link ConnectionError}.
     * @example `const zones = await ca.timezones.list({ locale: 'de' });`
     */
    list(options?: RequestOptions & { locale?: string }): Promise<TimeZone[]>;
  };
  /** The account's teams, whose numeric ids `teamIds` and `teamId` take (`GET /teams`). */
  readonly teams: {
    /**
     * Lists the teams.
     *
     * @throws {@link ApiError} (and its subclasses) when the service refuses; {@link ConnectionError}.
     * @example `const ids = (await ca.teams.list()).map((team) => team.teamId);`
     */
    list(options?: RequestOptions): Promise<Team[]>;
  };
  /**
   * The typed openapi-fetch client over the same origin and credentials: the escape hatch. An
   * instance of its own: middleware added with `ca.raw.use()` does not change the calls above.
   */
  readonly raw: CareAnalyticsRawClient;
  /**
   * A client for the same account with other defaults (`retry` is merged, the rest replaced),
   * e.g. `ca.withOptions({ timeoutMs: 120_000 })` for a slow network.
   */
  withOptions(defaults: ClientDefaults): CareAnalytics;
}

function requireText(options: CareAnalyticsOptions, name: 'username' | 'password' | 'companyKey'): string {
  const value: unknown = options[name];
  if (typeof value !== 'string' || value === '') {
    throw new ValidationError(
      name,
      'missing',
      `pass ${name} to createCareAnalytics (from Settings > Developer > Analytics API)`,
    );
  }
  return value;
}

/**
 * Creates the client for one account. Checks the options at once (no request is sent here).
 *
 * @throws {@link ValidationError} when `username`, `password` or `companyKey` is missing, or
 * `baseUrl`, `timeoutMs` or `retry` is invalid (plain `http://` is allowed only to loopback
 * unless `allowInsecureHttp` is set).
 * @example
 * ```ts
 * import { createCareAnalytics } from 'khoros-care-analytics';
 *
 * const ca = createCareAnalytics({
 *   baseUrl: process.env.KHOROS_ANALYTICS_URL, // your region; the production host when unset
 *   username: process.env.KHOROS_ANALYTICS_USER ?? '',
 *   password: process.env.KHOROS_ANALYTICS_PASSWORD ?? '',
 *   companyKey: process.env.KHOROS_ANALYTICS_COMPANY_KEY ?? '',
 * });
 * ```
 */
export function createCareAnalytics(options: CareAnalyticsOptions): CareAnalytics {
  const credentials = {
    username: requireText(options, 'username'),
    password: requireText(options, 'password'),
    companyKey: requireText(options, 'companyKey'),
  };
  const timeoutMs = checkTimeoutMs(options.timeoutMs ?? 30_000);
  const allowInsecureHttp = options.allowInsecureHttp ?? false;
  const transport = new Transport(
    {
      hooks: options.hooks ?? {},
      baseUrl: parseBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL, allowInsecureHttp),
      fetch: options.fetch ?? ((request) => globalThis.fetch(request)),
      userAgent: options.userAgent ?? 'khoros-care-analytics',
      timeoutMs,
      retry: resolveRetryPolicy(options.retry),
      allowInsecureHttp,
    },
    credentials,
  );
  const onWarning = options.onWarning ?? emitProcessWarning;
  const start = async <T extends ReportType>(type: T, params: ReportParams<T>, opts: RequestOptions = {}) =>
    startReport(transport.with(opts), type, params, { signal: opts.signal, onWarning });
  return {
    reports: {
      start,
      async run(type, params, waitOptions = {}) {
        const job = await start(type, params, waitOptions.signal ? { signal: waitOptions.signal } : {});
        await job.wait(waitOptions);
        return job;
      },
      resume: (state) => new TransportReportJob(transport, parseJobState(state)),
    },
    timezones: { list: async (opts = {}) => listTimeZones(transport.with(opts), opts) },
    teams: { list: async (opts = {}) => listTeams(transport.with(opts), opts) },
    raw: transport.raw,
    withOptions: (defaults) =>
      createCareAnalytics({ ...options, ...defaults, retry: { ...options.retry, ...defaults.retry } }),
  };
}
