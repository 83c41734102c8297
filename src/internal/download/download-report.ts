import { ApiError } from '../../errors/api-error.js';
import type { DownloadResult } from '../../types/download-result.js';
import type { ReportFormat } from '../../types/report-job-state.js';
import type { ApiPath } from '../transport/openapi-fetch-client.js';
import type { Transport } from '../transport/transport.js';
import { fetchStorage } from './fetch-storage.js';
import { declaredLength, verifiedBody } from './verify-length.js';

export interface DownloadTarget {
  readonly pathParams: Readonly<Record<string, string>>;
  readonly query: string;
  readonly format: ReportFormat;
}

export const DOWNLOAD_PATH = '/reports/report/{workflowId}/{runId}/download' satisfies ApiPath;

function result(
  response: Response,
  body: ReadableStream<Uint8Array> | null,
  target: DownloadTarget,
  url: string,
  signal?: AbortSignal,
): DownloadResult {
  const source = body ?? new ReadableStream<Uint8Array>({ start: (c) => c.close() });
  const length = response.headers.get('content-encoding') ? undefined : declaredLength(response);
  return {
    body: verifiedBody(source, response, url, signal),
    format: target.format,
    ...(length === undefined ? {} : { contentLength: length }),
  };
}

/**
 * `/download` answers 307 to a short-lived pre-signed URL on another host (or, some
 * deployments, 200 with the file). If storage rejects the URL (400/403: expired or
 * signature refused) we ask `/download` once more for a fresh one, then give up.
 */
export async function downloadReport(
  transport: Transport,
  target: DownloadTarget,
  signal?: AbortSignal,
): Promise<DownloadResult> {
  const call = {
    method: 'GET',
    path: DOWNLOAD_PATH,
    pathParams: target.pathParams,
    query: target.query,
  } as const;
  const apiUrl = transport.describeUrl(call);
  for (let round = 0; round < 2; round++) {
    const { response, data } = await transport.call(
      { ...call, parseAs: 'stream' },
      { signal, accept: (status) => status < 400 },
    );
    if (response.status < 300)
      return result(response, data as ReadableStream<Uint8Array> | null, target, apiUrl, signal);
    const location = response.headers.get('location');
    if (!location) {
      throw new ApiError(`GET ${new URL(apiUrl).pathname} answered ${response.status} without a Location`, {
        status: response.status,
        method: 'GET',
        url: apiUrl,
        secrets: transport.secrets,
      });
    }
    const storageUrl = new URL(location, apiUrl);
    const storage = await fetchStorage(
      transport.config.fetch,
      storageUrl,
      {
        policy: transport.config.retry,
        hooks: transport.config.hooks,
        timeoutMs: transport.config.timeoutMs,
        secrets: transport.secrets,
        signal,
      },
      transport.config.allowInsecureHttp,
    );
    if (storage.kind === 'file') {
      return result(
        storage.response,
        storage.response.body,
        target,
        `${storageUrl.origin}${storageUrl.pathname}`,
        signal,
      );
    }
  }
  throw new ApiError('The storage host rejected the download URL twice (expired or invalid signature)', {
    status: 403,
    method: 'GET',
    url: apiUrl,
    secrets: transport.secrets,
  });
}
