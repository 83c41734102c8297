// The storage origin: serves export files at pre-signed URLs the way an object store does. It
// rejects a request that carries Authorization (400, as S3 does when a pre-signed request also
// has an auth header), and a bad or expired signature (403). Bodies stream with Content-Length;
// `Range: bytes=<first>-[<last>]` is answered 206 with Content-Range, or 416 when it starts past
// the end, as S3 does.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { generateChunks } from './data/generate.js';
import { retryAfterHeader } from './faults.js';
import { recordRequest } from './requests.js';
import { bufferReply, type Reply, send } from './respond.js';
import type { SandboxState } from './state.js';

const EXPORT_PATH = /^\/exports\/([0-9a-f-]{36})\.(csv|json)$/;

function s3Error(status: number, code: string, message: string, headers: Record<string, string> = {}): Reply {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>\n`;
  return bufferReply(status, xml, { 'content-type': 'application/xml', ...headers });
}

export async function handleStorage(
  state: SandboxState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', state.storageOrigin);
  const entry = recordRequest(state.requests, state.options.requestLogLimit, 'storage', 'storage', req, url);
  res.on('finish', () => {
    entry.status = res.statusCode;
  });
  req.resume();
  const fault = state.faults.take('storage');
  if (fault?.kind === 'httpError') {
    const headers =
      fault.retryAfter !== undefined ? { 'retry-after': retryAfterHeader(fault.retryAfter) } : undefined;
    return send(
      res,
      s3Error(fault.status, fault.status === 503 ? 'SlowDown' : 'InternalError', 'Please retry', headers),
      undefined,
      state.signal,
    );
  }
  return send(res, await answer(state, req, url), fault, state.signal);
}

async function answer(state: SandboxState, req: IncomingMessage, url: URL): Promise<Reply> {
  if (req.headers.authorization !== undefined) {
    return s3Error(
      400,
      'InvalidArgument',
      'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
    );
  }
  const match = EXPORT_PATH.exec(url.pathname);
  const verdict = state.signer.verify(url.pathname, url.searchParams, Date.now());
  if (verdict === 'expired') return s3Error(403, 'AccessDenied', 'Request has expired');
  if (!match || verdict === 'invalid') {
    return s3Error(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided',
    );
  }
  const job = state.jobs.get(match[1] ?? '');
  if (!job?.size) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.');
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return s3Error(405, 'MethodNotAllowed', 'Use GET or HEAD.');
  const length = await job.size;
  const csv = job.format === 'csv';
  const headers = {
    'content-type': csv ? 'text/csv; charset=utf-8' : 'application/json',
    'content-disposition': `attachment; filename="${job.reportType}-${job.workflowId}.${job.format}"`,
    'accept-ranges': 'bytes',
  };
  const range = byteRange(req.headers.range, length);
  if (range === 'unsatisfiable') {
    return s3Error(416, 'InvalidRange', 'The requested range is not satisfiable', {
      'content-range': `bytes */${length}`,
    });
  }
  const all = () => generateChunks(job.reportType, job.params, state.options.data, job.format);
  if (range) {
    return {
      status: 206,
      headers: { ...headers, 'content-range': `bytes ${range.first}-${range.last}/${length}` },
      chunks: req.method === 'HEAD' ? [] : slice(all(), range.first, range.last + 1),
      length: range.last + 1 - range.first,
    };
  }
  // HEAD: the headers (with the real Content-Length) and no body.
  return { status: 200, headers, chunks: req.method === 'HEAD' ? [] : all(), length };
}

/**
 * One `bytes=<first>-[<last>]` or `bytes=-<suffix>` range (RFC 9110 §14.1.2); undefined for no
 * header, or one we ignore (several ranges, other units), which gets the whole file as S3 does.
 */
function byteRange(
  header: string | undefined,
  length: number,
): { first: number; last: number } | 'unsatisfiable' | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { first: Math.max(0, length - suffix), last: length - 1 };
  }
  const first = Number(match[1]);
  const last = match[2] === '' ? length - 1 : Math.min(Number(match[2]), length - 1);
  if (first >= length) return 'unsatisfiable';
  if (last < first) return undefined;
  return { first, last };
}

/** The bytes [start, end) of a generated file, produced lazily (the skipped part is generated, not sent). */
function* slice(chunks: Iterable<Buffer>, start: number, end: number): Generator<Buffer> {
  let offset = 0;
  for (const chunk of chunks) {
    const from = Math.max(0, start - offset);
    const to = Math.min(chunk.length, end - offset);
    offset += chunk.length;
    if (to > from) yield chunk.subarray(from, to);
    if (offset >= end) return;
  }
}
