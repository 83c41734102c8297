import type { ReportType } from '../generated/report-parameters.js';
import { ValidationError } from './errors/validation-error.js';
import { parseJobState } from './internal/job/job-state.js';
import { ReportJob as TransportReportJob } from './internal/job/report-job.js';
import { startReport } from './internal/job/start-report.js';
import { listTeams, listTimeZones } from './internal/reference/list-reference-data.js';
import { DEFAULT_BASE_URL, parseBaseUrl } from './internal/transport/origin-guard.js';
import { resolveRetryPolicy } from './internal/transport/retry-policy.js';
import { Transport } from './internal/transport/transport.js';
import { emitProcessWarning } from './internal/validation/validation-warning.js';
import type { FetchLike } from './types/fetch-like.js';
import type { CareAnalyticsRawClient } from './types/raw-client.js';
import type { Team, TimeZone } from './types/reference-data.js';
import type { ReportJob, SignalOption } from './types/report-job.js';
import type { ReportJobState } from './types/report-job-state.js';
import type { ReportParams } from './types/report-params.js';
import type { RetryOptions } from './types/retry-options.js';
import type { WarningHandler } from './types/validation-warning.js';
import type { WaitOptions } from './types/wait.js';

export interface CareAnalyticsOptions {
  /** API base URL including `/api/public` (region-specific; see Settings > Developer). */
  readonly baseUrl?: string;
  /** The dedicated Analytics API user. */
  readonly username: string;
  readonly password: string;
  /** Account-level key, sent as the `companyKey` query parameter of every API call. */
  readonly companyKey: string;
  /** A fetch to use instead of the global one (tests, proxies, instrumentation). */
  readonly fetch?: FetchLike;
  /** Per-attempt timeout in ms, until the response (headers, for downloads) arrives. Default 30 s. */
  readonly timeoutMs?: number;
  /**
   * Longest silence in ms while a download's body arrives; the transfer is then reopened where it
   * stopped (or fails once the retries are spent). Default 60 s.
   */
  readonly bodyTimeoutMs?: number;
  readonly retry?: RetryOptions;
  readonly userAgent?: string;
  /** Receives warnings about requests the API accepts but may answer partially. */
  readonly onWarning?: WarningHandler;
  /** Allow plain http to a non-loopback host. Credentials then travel unencrypted. */
  readonly allowInsecureHttp?: boolean;
}

export interface CareAnalytics {
  readonly reports: {
    /** Validates the parameters and starts an export job. */
    start<T extends ReportType>(
      type: T,
      params: ReportParams<T>,
      options?: SignalOption,
    ): Promise<ReportJob<T>>;
    /** start() then wait(): resolves with the finished job, ready to download. */
    run<T extends ReportType>(type: T, params: ReportParams<T>, options?: WaitOptions): Promise<ReportJob<T>>;
    /** A job saved with `job.toJSON()` (object or JSON text), in this or another process. */
    resume(state: ReportJobState | string): ReportJob;
  };
  readonly timezones: { list(options?: { locale?: string; signal?: AbortSignal }): Promise<TimeZone[]> };
  readonly teams: { list(options?: SignalOption): Promise<Team[]> };
  /** The typed openapi-fetch client over the same origin and credentials: the escape hatch. */
  readonly raw: CareAnalyticsRawClient;
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

export function createCareAnalytics(options: CareAnalyticsOptions): CareAnalytics {
  const credentials = {
    username: requireText(options, 'username'),
    password: requireText(options, 'password'),
    companyKey: requireText(options, 'companyKey'),
  };
  const timeoutMs = options.timeoutMs ?? 30_000;
  if (!(timeoutMs > 0))
    throw new ValidationError('timeoutMs', `${timeoutMs} is not positive`, 'pass milliseconds > 0');
  const bodyTimeoutMs = options.bodyTimeoutMs ?? 60_000;
  if (!(bodyTimeoutMs > 0))
    throw new ValidationError('bodyTimeoutMs', `${bodyTimeoutMs} is not positive`, 'pass milliseconds > 0');
  const allowInsecureHttp = options.allowInsecureHttp ?? false;
  const transport = new Transport(
    {
      baseUrl: parseBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL, allowInsecureHttp),
      fetch: options.fetch ?? ((request) => globalThis.fetch(request)),
      userAgent: options.userAgent ?? 'khoros-care-analytics',
      timeoutMs,
      bodyTimeoutMs,
      retry: resolveRetryPolicy(options.retry),
      allowInsecureHttp,
    },
    credentials,
  );
  const onWarning = options.onWarning ?? emitProcessWarning;
  const start = <T extends ReportType>(type: T, params: ReportParams<T>, opts: SignalOption = {}) =>
    startReport(transport, type, params, { signal: opts.signal, onWarning });
  return {
    reports: {
      start,
      async run(type, params, waitOptions = {}) {
        const job = await start(type, params, waitOptions.signal ? { signal: waitOptions.signal } : {});
        await job.wait(waitOptions);
        return job;
      },
      resume: (state) => new TransportReportJob(transport, parseJobState(state), undefined, onWarning),
    },
    timezones: { list: (opts) => listTimeZones(transport, opts) },
    teams: { list: (opts) => listTeams(transport, opts) },
    raw: transport.raw,
  };
}
