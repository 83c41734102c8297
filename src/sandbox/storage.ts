// The storage origin: serves export files at pre-signed URLs the way an object store does. It
// rejects a request that carries Authorization (400, as S3 does when a pre-signed request also
// has an auth header), and a bad or expired signature (403). Bodies stream with Content-Length.
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
  return {
    status: 200,
    headers: {
      'content-type': csv ? 'text/csv; charset=utf-8' : 'application/json',
      'content-disposition': `attachment; filename="${job.reportType}-${job.workflowId}.${job.format}"`,
    },
    // HEAD: the headers (with the real Content-Length) and no body.
    chunks:
      req.method === 'HEAD' ? [] : generateChunks(job.reportType, job.params, state.options.data, job.format),
    length,
  };
}
