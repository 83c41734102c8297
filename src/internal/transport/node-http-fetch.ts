import { type ClientRequest, request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { FetchLike } from '../../types/fetch-like.js';
import {
  attachBodySource,
  type BodyHandlers,
  type BodySource,
  claimOnce,
  webStreamOf,
} from './body-source.js';
import { PlainRequest } from './plain-request.js';
import { PlainResponse } from './plain-response.js';
import { StorageOverrun } from './storage-overrun.js';

const NULL_BODY = new Set([101, 204, 205, 304]);

/** fetch decodes these; so do we, keeping the header so that offsets are known to be unusable. */
function decoded(res: IncomingMessage): Readable {
  const encoding = res.headers['content-encoding']?.trim().toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip') return res.pipe(createGunzip());
  if (encoding === 'deflate') return res.pipe(createInflate());
  if (encoding === 'br') return res.pipe(createBrotliDecompress());
  return res;
}

function headersOf(res: IncomingMessage): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
    try {
      headers.append(res.rawHeaders[i] as string, res.rawHeaders[i + 1] as string);
    } catch {
      // A header value fetch would refuse as well: leave it out rather than fail the file.
    }
  }
  return headers;
}

/**
 * The body as a BodySource that fails, never ends cleanly, when the exchange fails after the
 * headers. Node's parser notices bytes beyond Content-Length that arrive with the body (as an
 * error on the request, before the body's end event), which fetch drops without a word. Failures
 * are listened for from the start and kept until the source is started.
 */
function nodeBodySource(req: ClientRequest, res: IncomingMessage): BodySource {
  const declared = res.headers['content-length'];
  const length = declared !== undefined && /^\d{1,15}$/.test(declared) ? Number(declared) : undefined;
  const source = decoded(res);
  let handlers: BodyHandlers | undefined;
  let failure: { error: unknown } | undefined;
  let settled = false;
  const fail = (error: unknown) => {
    if (settled) return;
    settled = true;
    req.destroy();
    if (handlers) handlers.error(error);
    else failure = { error };
  };
  const incomplete = () => new Error('the connection closed before the body was complete');
  // A parse error once the message is complete: bytes followed the body the headers announced.
  req.on('error', (error: Error & { code?: string }) => {
    const parse = typeof error.code === 'string' && error.code.startsWith('HPE_');
    fail(parse && res.complete ? new StorageOverrun(length) : error);
  });
  res.on('error', fail);
  res.on('aborted', () => fail(new Error('aborted')));
  if (source !== res) source.on('error', fail);
  res.on('close', () => {
    if (!res.complete) fail(incomplete());
  });
  return {
    start(given) {
      handlers = given;
      if (failure) return given.error(failure.error);
      source.on('data', (chunk: Buffer) => {
        if (!settled) given.data(chunk);
      });
      source.on('end', () => {
        if (settled) return;
        if (!res.complete) return fail(incomplete());
        settled = true;
        given.end();
      });
    },
    pause: () => source.pause(),
    resume: () => source.resume(),
    destroy() {
      settled = true;
      req.destroy();
    },
  };
}

/**
 * The client's default FetchLike for the API calls, over node:http/node:https (keep-alive):
 * method, headers and body of the request, redirects never followed (the API's one redirect,
 * `/download`'s 307, is read by hand), `request.signal` honoured before and during the body.
 * Undici's fetch costs ~30 MB of peak memory more on a large body and drops bytes beyond
 * Content-Length without a word. Storage goes through socket-fetch instead; a body read through
 * bodySourceOf (the storage-leg benchmark, which compares the two) gets the Node body directly,
 * openapi-fetch reads the web body.
 */
export const nodeHttpFetch: FetchLike = async (request) => {
  const payload = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
  return new Promise<Response>((resolve, reject) => {
    const signal = request.signal;
    if (signal.aborted) return reject(signal.reason);
    const url = new URL(request.url);
    const send =
      url.protocol === 'https:' ? httpsRequest : url.protocol === 'http:' ? httpRequest : undefined;
    if (!send) return reject(new TypeError(`unsupported protocol ${url.protocol}`));
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const req = send(url, { method: request.method, headers });
    const onAbort = () => req.destroy(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    req.once('error', (error) => {
      signal.removeEventListener('abort', onAbort);
      reject(signal.aborted ? signal.reason : error);
    });
    req.once('response', (res) => {
      req.on('error', () => {}); // from now on the body stream reports failures
      req.once('close', () => signal.removeEventListener('abort', onAbort));
      const status = res.statusCode ?? 0;
      const claim =
        NULL_BODY.has(status) || request.method === 'HEAD' ? undefined : claimOnce(nodeBodySource(req, res));
      if (!claim) res.resume();
      try {
        const statusText = res.statusMessage ?? '';
        // Our own calls (a PlainRequest) get a PlainResponse, read without a web stream.
        const response =
          request instanceof PlainRequest
            ? (new PlainResponse(status, statusText, headersOf(res), claim) as unknown as Response)
            : new Response(claim ? webStreamOf(claim) : null, {
                status,
                statusText,
                headers: headersOf(res),
              });
        if (claim) attachBodySource(response, claim);
        resolve(response);
      } catch (error) {
        req.destroy();
        reject(error);
      }
    });
    req.end(payload);
  });
};
