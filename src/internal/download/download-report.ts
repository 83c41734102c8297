import { ApiError } from '../../errors/api-error.js';
import type { DownloadResult } from '../../types/download-result.js';
import type { Transport } from '../transport/transport.js';
import { declaredLength } from './content-length.js';
import { DownloadedExport } from './download-result.js';
import { fetchStorage, storagePlace } from './fetch-storage.js';
import { DOWNLOAD_PATH, type DownloadTarget, requestFileUrl } from './file-url.js';
import { type OpenedBody, resumableBody } from './resumable-body.js';
import { assertNotErrorPage, totalSize } from './storage-answer.js';

export { DOWNLOAD_PATH, type DownloadTarget } from './file-url.js';

/**
 * `/download` answers 307 to a short-lived pre-signed URL on another host. If storage rejects
 * the URL (400/403: expired or signature refused) we ask `/download` once more for a fresh one,
 * then give up. The same path reopens a transfer cut mid-body, from the byte where it stopped.
 */
export async function downloadReport(
  transport: Transport,
  target: DownloadTarget,
  signal?: AbortSignal,
): Promise<DownloadResult> {
  const { config, secrets } = transport;
  let fileUrl: URL | undefined;
  const open = async (from: number): Promise<OpenedBody> => {
    const attempt = new AbortController();
    const attemptSignal = signal ? AbortSignal.any([signal, attempt.signal]) : attempt.signal;
    for (let round = 0; round < 2; round++) {
      fileUrl ??= await requestFileUrl(transport, target, attemptSignal);
      const storage = await fetchStorage(fileUrl, {
        fetch: config.storageFetch,
        retry: {
          policy: config.retry,
          hooks: config.hooks,
          timeoutMs: config.timeoutMs,
          secrets,
          signal: attemptSignal,
        },
        allowInsecureHttp: config.allowInsecureHttp,
        from,
      });
      if (storage.kind === 'file') {
        const place = storagePlace(storage.url);
        assertNotErrorPage(storage.response, place, secrets);
        return { response: storage.response, place, abort: () => attempt.abort() };
      }
      fileUrl = undefined;
    }
    throw new ApiError('The storage host rejected the download URL twice (expired or invalid signature)', {
      status: 403,
      method: 'GET',
      url: transport.describeUrl({ path: DOWNLOAD_PATH, pathParams: target.pathParams }),
      secrets,
    });
  };
  const first = await open(0);
  const total = totalSize(first.response, declaredLength(first.response));
  const body = resumableBody({
    format: target.format,
    first,
    total,
    reopen: open,
    bodyTimeoutMs: config.bodyTimeoutMs,
    policy: config.retry,
    secrets,
    signal,
  });
  return new DownloadedExport(body, target.format, total);
}
