// The resumable body as a Node stream, driven by hand: bodies are web streams whose every step the
// test controls, and reopen() resolves when the test says so. Covers what the servers in
// stub-faults.test.ts cannot time exactly: a consumer that asks for data while a reopen is under
// way, and one that is behind when the connection breaks.
import { describe, expect, it } from 'vitest';
import { type OpenedBody, resumableBody } from '../../../src/internal/download/resumable-body.js';
import {
  attachBodySource,
  type BodyHandlers,
  claimOnce,
} from '../../../src/internal/transport/body-source.js';
import { defaultRetryPolicy } from '../../../src/internal/transport/retry-policy.js';

const TOTAL = 600_000;
const bytes = Buffer.alloc(TOTAL, 0x61); // csv-shaped enough: no <, { or [ at the start
bytes.write('a,b\n');

/** A body that delivers bytes [from, cutAt) in 10 kB chunks, then fails (or ends at TOTAL). */
function opened(from: number, cutAt: number, status = from === 0 ? 200 : 206): OpenedBody {
  let at = from;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= cutAt) {
        if (cutAt < TOTAL) controller.error(new Error('connection reset'));
        else controller.close();
        return;
      }
      const end = Math.min(at + 10_000, cutAt);
      controller.enqueue(new Uint8Array(bytes.subarray(at, end)));
      at = end;
    },
  });
  const headers: Record<string, string> = { 'content-length': String(TOTAL - from) };
  if (status === 206) headers['content-range'] = `bytes ${from}-${TOTAL - 1}/${TOTAL}`;
  return {
    response: new Response(body, { status, headers }),
    place: 'http://storage.test/x',
    abort: () => {},
  };
}

function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('resumableBody', () => {
  it('delivers every byte once when the consumer reads while the reopen is under way', async () => {
    const reopened = deferred<OpenedBody>();
    const asked: number[] = [];
    const stream = resumableBody({
      format: 'csv',
      first: opened(0, 250_000),
      total: TOTAL,
      reopen: (from) => {
        asked.push(from);
        return reopened.promise;
      },
      bodyTimeoutMs: 60_000,
      policy: { ...defaultRetryPolicy, baseDelayMs: 0 },
      secrets: [],
      signal: undefined,
    });
    const received: Buffer[] = [];
    const iterator = stream[Symbol.asyncIterator]();
    const askedForRest = new Promise<'asked'>((resolve) => {
      const poll = () => (asked.length > 0 ? resolve('asked') : setImmediate(poll));
      poll();
    });
    // Read until the cut made the body ask for the rest; the read then outstanding waits for it.
    let pending = iterator.next();
    for (;;) {
      const next = await Promise.race([pending, askedForRest]);
      if (next === 'asked') break;
      if (next.done) throw new Error('ended before the cut');
      received.push(next.value as Buffer);
      pending = iterator.next();
    }
    reopened.resolve(opened(asked[0] as number, TOTAL));
    for (let next = await pending; !next.done; next = await iterator.next())
      received.push(next.value as Buffer);
    expect(asked).toEqual([250_000]);
    expect(Buffer.concat(received).equals(bytes)).toBe(true);
  });

  it('delivers every byte once when the connection breaks while the consumer is behind', async () => {
    const stream = resumableBody({
      format: 'csv',
      first: opened(0, 500_000),
      total: TOTAL,
      reopen: async (from) => opened(from, TOTAL),
      bodyTimeoutMs: 60_000,
      policy: { ...defaultRetryPolicy, baseDelayMs: 0 },
      secrets: [],
      signal: undefined,
    });
    const iterator = stream[Symbol.asyncIterator]();
    const received: Buffer[] = [];
    const head = await iterator.next();
    received.push(head.value as Buffer);
    // Behind: let the body fill its buffer, pause, hit the cut and reopen before reading on.
    for (let i = 0; i < 50; i++) await new Promise((resolve) => setImmediate(resolve));
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      received.push(next.value as Buffer);
    }
    expect(Buffer.concat(received).equals(bytes)).toBe(true);
  });

  it('goes on after a connection lost while the consumer was behind and a read came during the reopen', async () => {
    // Sources whose events the test fires, as node:http's do: a reset can come while paused.
    const sources: { handlers?: BodyHandlers; paused: boolean; from: number }[] = [];
    const source = (from: number, status: number): OpenedBody => {
      const state: (typeof sources)[number] = { paused: false, from };
      sources.push(state);
      const headers: Record<string, string> = { 'content-length': String(TOTAL - from) };
      if (status === 206) headers['content-range'] = `bytes ${from}-${TOTAL - 1}/${TOTAL}`;
      const response = new Response(null, { status, headers });
      const feed = () => {
        // The rest of the file, while not paused (the second source only).
        if (state.paused || from === 0 || !state.handlers) return;
        const handlers = state.handlers;
        for (; state.from < TOTAL && !state.paused; state.from += 10_000) {
          handlers.data(bytes.subarray(state.from, Math.min(state.from + 10_000, TOTAL)));
        }
        if (state.from >= TOTAL) handlers.end();
      };
      attachBodySource(
        response,
        claimOnce({
          start: (handlers) => {
            state.handlers = handlers;
            queueMicrotask(feed);
          },
          pause: () => {
            state.paused = true;
          },
          resume: () => {
            state.paused = false;
            queueMicrotask(feed);
          },
          destroy: () => {},
        }),
      );
      return { response, place: 'http://storage.test/x', abort: () => {} };
    };
    const reopened = deferred<OpenedBody>();
    const stream = resumableBody({
      format: 'csv',
      first: source(0, 200),
      total: TOTAL,
      reopen: () => reopened.promise,
      bodyTimeoutMs: 60_000,
      policy: { ...defaultRetryPolicy, baseDelayMs: 0 },
      secrets: [],
      signal: undefined,
    });
    const iterator = stream[Symbol.asyncIterator]();
    const pending = iterator.next(); // starts the first source
    await new Promise((resolve) => setImmediate(resolve));
    const first = sources[0];
    if (!first?.handlers) throw new Error('the first source was not started');
    let delivered = 0;
    while (!first.paused && delivered < 400_000) {
      first.handlers.data(bytes.subarray(delivered, delivered + 10_000));
      delivered += 10_000;
    }
    expect(first.paused).toBe(true); // the consumer is behind: the socket is paused
    first.handlers.error(new Error('connection reset')); // …and is lost while paused
    const received: Buffer[] = [];
    // Drain what was buffered while the reopen is pending: reads come in during the reopen.
    for (let next = await pending; ; next = await iterator.next()) {
      if (next.done) break;
      received.push(next.value as Buffer);
      if (Buffer.concat(received).length === delivered) break;
    }
    const rest = iterator.next();
    reopened.resolve(source(delivered, 206));
    for (let next = await rest; !next.done; next = await iterator.next()) received.push(next.value as Buffer);
    expect(Buffer.concat(received).equals(bytes)).toBe(true);
  });
});
