import type { ReportType } from '../generated/report-rules.js';
import { ValidationError } from './errors/validation-error.js';
import { parseJobState } from './internal/job/job-state.js';
import { ReportJob as TransportReportJob } from './internal/job/report-job.js';
import type { RangeRuntime } from './internal/range/export-range.js';
import { listTeams, listTimeZones } from './internal/reference/list-reference-data.js';
import { RequestGate } from './internal/schedule/request-gate.js';
import {
  DEFAULT_MAX_CONCURRENT_JOBS,
  defaultQuotaRetry,
  Scheduler,
  type StartJob,
} from './internal/schedule/scheduler.js';
import { checkTimeoutMs } from './internal/transport/check-timeout.js';
import { defaultFetch, defaultStorageFetch } from './internal/transport/default-fetch.js';
import { DEFAULT_BASE_URL, parseBaseUrl } from './internal/transport/origin-guard.js';
import { resolveRetryPolicy } from './internal/transport/retry-policy.js';
import { Transport } from './internal/transport/transport.js';
import { emitProcessWarning } from './internal/validation/validation-warning.js';
import type { FetchLike } from './types/fetch-like.js';
import type { Hooks } from './types/hooks.js';
import type { RangeExportOptions, RangeExportResult } from './types/range-export.js';
import type { CareAnalyticsRawClient } from './types/raw-client.js';
import type { Team, TimeZone } from './types/reference-data.js';
import type { ReportJob } from './types/report-job.js';
import type { ReportJobIds, ReportJobState } from './types/report-job-state.js';
import type { ReportParams } from './types/report-params.js';
import type { RequestOptions } from './types/request-options.js';
import type { RetryOptions } from './types/retry-options.js';
import type { QuotaRetryOptions, RunOptions, StartOptions } from './types/scheduling.js';
import type { SyncOptions, SyncResult } from './types/sync.js';
import type { TimeInput } from './types/time-input.js';
import type { WarningHandler } from './types/validation-warning.js';

/** A report's parameters with a range of any length. */
export type RangeParams<T extends ReportType> = Omit<ReportParams<T>, 'startTime' | 'endTime'> & {
  readonly startTime: TimeInput;
  readonly endTime: TimeInput;
};

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
  /**
   * A fetch for every request, API and storage alike (tests, proxies, instrumentation). Without
   * one the client speaks HTTP through `node:http`/`node:https` to the API (keep-alive, no redirect
   * followed), and reads the storage answer over its own connection (`node:net`/`node:tls`, large
   * reads): measured against the global fetch, `downloadToFile()` of 200 MB runs 1.4–2.2× as fast
   * (`npm run bench -- storage-leg`), and the storage leg sees bytes beyond Content-Length that
   * fetch drops.
   */
  readonly fetch?: FetchLike;
  /** Per-attempt timeout in ms, until the response (headers, for downloads) arrives. Default 30 s. */
  readonly timeoutMs?: number;
  /**
   * Longest silence in ms while a download's body arrives; the transfer is then reopened where it
   * stopped (or fails once the retries are spent). Default 60 s.
   */
  readonly bodyTimeoutMs?: number;
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
  /**
   * Export jobs this client keeps at the service at once (default 7: the vendor allows 2 running
   * plus 5 queued per API user). Further starts wait client-side, in order. Lower it when other
   * processes use the same API user; starts they crowd out are refused and retried by `run()`.
   */
  readonly maxConcurrentJobs?: number;
  /**
   * Spaces every API call of this client to at most this many per minute. Off by default: a
   * third-party catalog lists 20 per minute for this API, which the vendor has not confirmed.
   */
  readonly requestsPerMinute?: number;
  /** Backoff of `run()` between starts the service refused as over quota. */
  readonly quotaRetry?: QuotaRetryOptions;
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
    /**
     * Validates the parameters and starts an export job, once one of the client's job slots is
     * free (see `maxConcurrentJobs`). The job holds its slot until the client sees it closed.
     */
    start<T extends ReportType>(
      type: T,
      params: ReportParams<T>,
      options?: StartOptions,
    ): Promise<ReportJob<T>>;
    /**
     * start() then wait(): resolves with the finished job, ready to download. A start the service
     * refuses as over quota (or with 429) is sent again after a backoff until `timeoutMs`.
     */
    run<T extends ReportType>(type: T, params: ReportParams<T>, options?: RunOptions): Promise<ReportJob<T>>;
    /**
     * Any range, cut into calendar windows (default a month each, never over the API's 3 months),
     * each window one job through this client's scheduler, written to one merged file (or one
     * file per window with `partition`) beside a manifest. Call it again with the same arguments
     * after a crash or abort: finished windows are kept, started jobs picked up, the rest started.
     */
    exportRange<T extends ReportType>(
      type: T,
      params: RangeParams<T>,
      options: RangeExportOptions,
    ): Promise<RangeExportResult>;
    /**
     * A job saved with `job.toJSON()` (object or JSON text), in this or another process, or one
     * known only by its ids.
     */
    resume(state: ReportJobState | ReportJobIds | string): ReportJob;
  };
  /**
   * Brings `<out>/<type>/` up to date for each type: from its bookmark in `state` (or `since`) to
   * the end of the last whole day, one file per window. Returns the new state to keep for the
   * next run; with nothing new it starts no job and says `upToDate`.
   */
  sync(options: SyncOptions): Promise<SyncResult>;
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

function createScheduler(options: CareAnalyticsOptions): Scheduler {
  const max = options.maxConcurrentJobs ?? DEFAULT_MAX_CONCURRENT_JOBS;
  if (!Number.isSafeInteger(max) || max < 1)
    throw new ValidationError('maxConcurrentJobs', `${max} is not a whole number ≥ 1`, 'pass e.g. 7');
  const rpm = options.requestsPerMinute;
  if (rpm !== undefined && !(rpm > 0 && Number.isFinite(rpm)))
    throw new ValidationError('requestsPerMinute', `${rpm} is not positive`, 'pass e.g. 20, or leave it out');
  const retry = { ...defaultQuotaRetry, ...options.quotaRetry };
  if (!(retry.baseDelayMs >= 0 && retry.maxDelayMs >= retry.baseDelayMs))
    throw new ValidationError('quotaRetry', 'delays out of order', 'pass 0 ≤ baseDelayMs ≤ maxDelayMs');
  return new Scheduler(max, retry);
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
  return createClient(options, undefined);
}

function createClient(
  options: CareAnalyticsOptions,
  sharedWith: { readonly scheduler: Scheduler; readonly gate: RequestGate } | undefined,
): CareAnalytics {
  const credentials = {
    username: requireText(options, 'username'),
    password: requireText(options, 'password'),
    companyKey: requireText(options, 'companyKey'),
  };
  const timeoutMs = checkTimeoutMs(options.timeoutMs ?? 30_000);
  const bodyTimeoutMs = options.bodyTimeoutMs ?? 60_000;
  if (!(bodyTimeoutMs > 0))
    throw new ValidationError('bodyTimeoutMs', `${bodyTimeoutMs} is not positive`, 'pass milliseconds > 0');
  const shared = sharedWith ?? {
    scheduler: createScheduler(options),
    gate: new RequestGate(options.requestsPerMinute),
  };
  const { scheduler } = shared;
  const allowInsecureHttp = options.allowInsecureHttp ?? false;
  const transport = new Transport(
    {
      hooks: options.hooks ?? {},
      baseUrl: parseBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL, allowInsecureHttp),
      fetch: options.fetch ?? defaultFetch,
      storageFetch: options.fetch ?? defaultStorageFetch,
      userAgent: options.userAgent ?? 'khoros-care-analytics',
      timeoutMs,
      bodyTimeoutMs,
      retry: resolveRetryPolicy(options.retry),
      allowInsecureHttp,
      gate: shared.gate,
    },
    credentials,
  );
  const onWarning = options.onWarning ?? emitProcessWarning;
  // The start call (serialization, its checks of the answer) loads with the first start, like the
  // download stage with the first download: the entry stays small (`npm run bench`, entry size).
  const startReport: typeof import('./internal/job/start-report.js').startReport = async (...args) =>
    (await import('./internal/job/start-report.js')).startReport(...args);
  const startJob =
    <T extends ReportType>(type: T, params: ReportParams<T>, opts: RequestOptions = {}): StartJob<T> =>
    (lease, signal) =>
      startReport(transport.with(opts), type, params, { signal, onWarning, lease });
  // Bad parameters fail at once, before the start waits for a slot (and before any request).
  const checked = async <T extends ReportType>(type: T, params: ReportParams<T>, opts?: RequestOptions) => {
    (await import('./parameters/validate-report-params.js')).validateReportParams(type, params);
    return startJob(type, params, opts);
  };
  const runtime: RangeRuntime = {
    scheduler,
    onWarning,
    startJob: (type, params, onWindowWarning) => (lease, signal) =>
      startReport(transport, type, params, { signal, onWarning: onWindowWarning, lease }),
    adopt: (state, lease) => new TransportReportJob(transport, parseJobState(state), undefined, lease),
  };
  return {
    reports: {
      // Range exports and sync load when first used: most clients never call them, and the
      // entry stays small (`npm run bench`, entry size).
      exportRange: async (type, params, opts) =>
        (await import('./internal/range/export-range.js')).exportRange(runtime, type, params, opts),
      start: async (type, params, opts = {}) => scheduler.start(await checked(type, params, opts), opts),
      run: async (type, params, opts) => scheduler.run(await checked(type, params), opts),
      resume: (state) =>
        new TransportReportJob(transport, parseJobState(state), undefined, undefined, onWarning),
    },
    sync: async (opts) => (await import('./internal/sync/sync.js')).sync(runtime, opts),
    timezones: { list: async (opts = {}) => listTimeZones(transport.with(opts), opts) },
    teams: { list: async (opts = {}) => listTeams(transport.with(opts), opts) },
    raw: transport.raw,
    // Same account, same quota: the derived client shares this one's scheduler and request gate
    // unless it sets its own.
    withOptions: (defaults) =>
      createClient(
        { ...options, ...defaults, retry: { ...options.retry, ...defaults.retry } },
        'maxConcurrentJobs' in defaults || 'quotaRetry' in defaults || 'requestsPerMinute' in defaults
          ? undefined
          : shared,
      ),
  };
}
