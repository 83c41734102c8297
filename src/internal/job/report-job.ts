import type { ReportType } from '../../../generated/report-rules.js';
import { ApiError } from '../../errors/api-error.js';
import { ReportFailedError } from '../../errors/report-failed-error.js';
import { BatchedRows } from '../../rows/batched-rows.js';
import type { Row } from '../../rows/row.js';
import type { DownloadResult } from '../../types/download-result.js';
import type { JobStatus } from '../../types/job-status.js';
import type { ReportJob as ReportJobContract } from '../../types/report-job.js';
import type { ReportFormat, ReportJobState } from '../../types/report-job-state.js';
import type { RequestOptions } from '../../types/request-options.js';
import type { SaveOptions } from '../../types/save-options.js';
import type { SavedFile } from '../../types/saved-file.js';
import type { WarningHandler } from '../../types/validation-warning.js';
import type { WaitOptions } from '../../types/wait.js';
import type { SlotLease } from '../schedule/job-slots.js';
import { encodePairs } from '../serialization/encode-pairs.js';
import type { ApiPath } from '../transport/openapi-fetch-client.js';
import type { Transport } from '../transport/transport.js';
import { jobState } from './job-state.js';
import { normalizeStatus } from './job-status.js';

const STATUS_PATH = '/reports/report/{workflowId}/{runId}/status' satisfies ApiPath;

/** The public ReportJob (src/types/report-job.ts, which documents its members) over our transport. */
export class ReportJob<T extends ReportType = ReportType> implements ReportJobContract<T> {
  readonly workflowId: string;
  readonly runId: string;
  readonly reportType: T;
  readonly format: ReportFormat;
  readonly startedAt: Date;
  readonly #transport: Transport;
  readonly #query: string;
  /** The client's job slot, held from start() until this client sees the job closed. */
  readonly #lease: SlotLease | undefined;

  readonly #onWarning: WarningHandler | undefined;
  /** The status URL for messages (no query), worked out at the first poll. */
  #statusUrl: string | undefined;

  constructor(
    transport: Transport,
    state: ReportJobState & { reportType: T },
    accessToken?: string,
    lease?: SlotLease,
    onWarning?: WarningHandler,
  ) {
    this.#onWarning = onWarning;
    this.workflowId = state.workflowId;
    this.runId = state.runId;
    this.reportType = state.reportType;
    this.format = state.format;
    this.startedAt = new Date(state.startedAt);
    this.#transport = transport;
    if (accessToken) transport.rememberSecret(accessToken);
    this.#lease = lease;
    this.#query = accessToken
      ? encodePairs([{ name: 'analyticsAccessToken', value: accessToken, serialization: 'scalar' }])
      : '';
  }

  get #pathParams() {
    return { workflowId: this.workflowId, runId: this.runId };
  }

  /** One status poll. */
  async status(options: RequestOptions = {}): Promise<JobStatus> {
    const call = {
      method: 'GET',
      path: STATUS_PATH,
      pathParams: this.#pathParams,
      query: this.#query,
    } as const;
    const result = await this.#transport.with(options).callForResult(call, { signal: options.signal });
    this.#statusUrl ??= this.#transport.describeUrl(call);
    const status = normalizeStatus(result, this.workflowId, {
      method: 'GET',
      url: this.#statusUrl,
      status: 200,
      requestId: undefined,
      secrets: this.#transport.secrets,
    });
    if (status.state !== 'running') this.#lease?.release();
    return status;
  }

  /** Polls until the export is ready; rejects with ReportFailedError, TimeoutError or AbortError. */
  async wait(options: WaitOptions = {}): Promise<JobStatus> {
    try {
      // Polling (and its schedule) loads with the first wait(), like the download stage.
      const { waitForJob } = await import('./wait-for-job.js');
      return await waitForJob(
        (signal) => this.status({ signal }),
        options,
        this.startedAt.getTime(),
        this.#transport.secrets,
        this.#onWarning,
      );
    } finally {
      // A wait given up (abort, deadline) no longer watches the job: its slot goes to the next start.
      this.#lease?.release();
    }
  }

  /**
   * The export file as a stream (credentials never reach the storage host). A job that failed
   * rejects with ReportFailedError; one still running, with an ApiError that says so.
   */
  async download(options: RequestOptions = {}): Promise<DownloadResult> {
    const target = { pathParams: this.#pathParams, query: this.#query, format: this.format };
    try {
      // The download stage loads when a job is first downloaded, not with the client entry.
      const { downloadReport } = await import('../download/download-report.js');
      const download = await downloadReport(this.#transport.with(options), target, options.signal);
      this.#lease?.release();
      return download;
    } catch (error) {
      // A refused download says nothing of why (the vendor documents no answer for a job that
      // failed or has not finished; the sandbox gives a bare 400): one status poll tells which.
      if (!(error instanceof ApiError) || error.status !== 400 || !error.url.includes('/download'))
        throw error;
      const status = await this.status(options).catch(() => undefined);
      if (status?.state === 'failed') throw new ReportFailedError(status, this.#transport.secrets);
      if (status?.state !== 'running') throw error;
      const progress =
        status.totalCount === null ? '' : ` (${status.currentCount ?? 0} of ${status.totalCount} rows)`;
      throw new ApiError(
        `Report ${this.workflowId} is still running${progress}: wait() for it, then download`,
        {
          status: error.status,
          method: error.method,
          url: error.url,
          requestId: error.requestId,
          secrets: this.#transport.secrets,
        },
      );
    }
  }

  /** Streams the export into `path`, atomically: the file appears only once complete. */
  async downloadToFile(path: string, options: SaveOptions = {}): Promise<SavedFile> {
    const { downloadToFile } = await import('../download/download-to-file.js');
    const { blockingWriteMs, ...request } = options;
    return downloadToFile((signal) => this.download({ ...request, signal }), path, {
      signal: options.signal,
      blockingWriteMs,
    });
  }

  /** The export's rows, parsed while streaming (csv and json alike). */
  rows(options: RequestOptions = {}): AsyncGenerator<Row, void, undefined> {
    // The download starts on the first next(), as it would in an async generator's body; the
    // readers load then too, so a client that never reads rows never loads them.
    return new BatchedRows(async () => {
      const [download, { rowBatchesOf }] = await Promise.all([
        this.download(options),
        import('../../rows/rows-of.js'),
      ]);
      return rowBatchesOf(download);
    });
  }

  toJSON(): ReportJobState {
    return jobState(this, this.startedAt);
  }
}
