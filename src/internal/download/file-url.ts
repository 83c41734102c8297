import { ApiError } from '../../errors/api-error.js';
import { envelopeMessage, readEnvelope } from '../envelope/read-envelope.js';
import { requestIdOf } from '../envelope/response-context.js';
import type { ApiPath } from '../transport/openapi-fetch-client.js';
import type { Transport } from '../transport/transport.js';
import { redirectTarget } from './redirect-target.js';

export const DOWNLOAD_PATH = '/reports/report/{workflowId}/{runId}/download' satisfies ApiPath;

export interface DownloadTarget {
  readonly pathParams: Readonly<Record<string, string>>;
  readonly query: string;
  readonly format: 'json' | 'csv';
}

/** Enough of a 2xx body to read an envelope from, without reading a whole file into memory. */
const ENVELOPE_LIMIT = 64 * 1024;

async function head(body: ReadableStream<Uint8Array> | null): Promise<string> {
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < ENVELOPE_LIMIT) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return Buffer.concat(chunks).subarray(0, ENVELOPE_LIMIT).toString('utf8');
}

/**
 * Asks `/download` for the pre-signed file URL. The service answers 307 with a Location
 * (docs/vendor-notes.md §4); a 2xx is not the file but the service speaking for itself (a FAIL
 * envelope, an HTML page), so it becomes the ApiError it holds instead of being saved as the export.
 */
export async function requestFileUrl(
  transport: Transport,
  target: DownloadTarget,
  signal: AbortSignal | undefined,
): Promise<URL> {
  const call = {
    method: 'GET',
    path: DOWNLOAD_PATH,
    pathParams: target.pathParams,
    query: target.query,
  } as const;
  const apiUrl = transport.describeUrl(call);
  const where = `GET ${new URL(apiUrl).pathname}`;
  const { response, data } = await transport.call(
    { ...call, parseAs: 'stream' },
    { signal, accept: (status) => status < 400 },
  );
  const context = {
    status: response.status,
    method: 'GET',
    url: apiUrl,
    requestId: requestIdOf(response.headers),
    secrets: transport.secrets,
  };
  if (response.status < 300) {
    const body = await head((data as ReadableStream<Uint8Array> | null) ?? response.body);
    const envelope = readEnvelope(body);
    const said = envelope ? envelopeMessage(envelope) : undefined;
    throw new ApiError(
      envelope
        ? `${where} answered ${response.status} with a ${String(envelope.status)} envelope instead of a redirect to the file: ${said ?? 'no message'}`
        : `${where} answered ${response.status} with ${response.headers.get('content-type') ?? 'a body'} instead of a redirect to the file`,
      context,
    );
  }
  await response.body?.cancel().catch(() => {});
  const location = response.headers.get('location');
  if (!location) throw new ApiError(`${where} answered ${response.status} without a Location`, context);
  return redirectTarget(location, {
    method: 'GET',
    from: apiUrl,
    status: response.status,
    allowInsecureHttp: transport.config.allowInsecureHttp,
    secrets: transport.secrets,
  });
}
