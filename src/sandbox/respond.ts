// Sends a response, misbehaving on the way when a fault says so. Every body goes out with a
// Content-Length, so a client can tell a truncated body from a finished one.
import type { ServerResponse } from 'node:http';
import type { Fault } from './faults.js';

export interface Reply {
  readonly status: number;
  readonly headers?: Record<string, string | number>;
  /** Produced lazily (a 1 GiB export is never in memory); must yield exactly `length` bytes
   * (none for a HEAD request). */
  readonly chunks: Iterable<Buffer>;
  readonly length: number;
}

export function bufferReply(
  status: number,
  body: string | Buffer,
  headers: Record<string, string | number> = {},
): Reply {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return { status, headers, chunks: [bytes], length: bytes.length };
}

/** Sleeps, or stops early when the sandbox closes. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

/** Writes with backpressure; false if the connection went away. */
function write(res: ServerResponse, chunk: Buffer): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    const ok = res.write(chunk);
    if (ok) return resolve(true);
    const settle = (value: boolean) => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(value);
    };
    const onDrain = () => settle(true);
    const onClose = () => settle(false);
    res.on('drain', onDrain);
    res.on('close', onClose);
  });
}

/** Waits until everything written so far has reached the socket. */
function flushed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    if (res.destroyed) return resolve();
    res.write(Buffer.alloc(0), () => resolve());
  });
}

/** Sends `reply`, applying a connection-level fault (reset, truncate, stall) if one is given. */
export async function send(
  res: ServerResponse,
  reply: Reply,
  fault: Fault | undefined,
  signal: AbortSignal,
): Promise<void> {
  if (fault?.kind === 'stall' && fault.afterBytes === undefined) await sleep(fault.seconds * 1000, signal);
  if (fault?.kind === 'reset' && fault.afterBytes === undefined) {
    res.socket?.resetAndDestroy();
    return;
  }
  if (signal.aborted || res.destroyed) return;
  res.writeHead(reply.status, { ...reply.headers, 'content-length': reply.length });
  let cut = Number.POSITIVE_INFINITY;
  if (fault?.kind === 'reset' || (fault?.kind === 'stall' && fault.afterBytes !== undefined))
    cut = fault.afterBytes ?? 0;
  if (fault?.kind === 'truncate')
    cut = Math.min(fault.afterBytes ?? Math.floor(reply.length / 2), reply.length - 1);
  let sent = 0;
  for (const chunk of reply.chunks) {
    let rest = chunk;
    if (sent + rest.length > cut) {
      const head = rest.subarray(0, cut - sent);
      if (head.length && !(await write(res, head))) return;
      sent = cut;
      rest = rest.subarray(head.length);
      await flushed(res);
      if (fault?.kind === 'reset') {
        // Give the client a moment to read what was sent: a reset discards unread data.
        await sleep(50, signal);
        res.socket?.resetAndDestroy();
        return;
      }
      if (fault?.kind === 'truncate') {
        res.socket?.end();
        return;
      }
      if (fault?.kind === 'stall') await sleep(fault.seconds * 1000, signal);
      cut = Number.POSITIVE_INFINITY;
    }
    if (signal.aborted) {
      res.destroy();
      return;
    }
    if (rest.length && !(await write(res, rest))) return;
    sent += rest.length;
  }
  res.end();
}
