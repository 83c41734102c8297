/** What a body source reports, in order: any number of chunks, then exactly one end or error. */
export interface BodyHandlers {
  data(chunk: Buffer): void;
  end(): void;
  error(error: unknown): void;
}

/**
 * A storage answer's body as chunk events with pause and resume: what the download reads, so
 * that the socket's bytes (socket-fetch's SocketBody, or node:http's own Readable) feed the checks
 * and the file without a web-stream layer between them. After `destroy()` no handler is called
 * again.
 */
export interface BodySource {
  start(handlers: BodyHandlers): void;
  pause(): void;
  resume(): void;
  destroy(): void;
}

/** A BodySource that only its first taker gets: the web body or the download, never both. */
export interface SourceClaim {
  take(): BodySource | undefined;
}

export function claimOnce(source: BodySource): SourceClaim {
  let taken = false;
  return {
    take() {
      if (taken) return undefined;
      taken = true;
      return source;
    },
  };
}

// Responses made by our own FetchLikes (socket-fetch, node-http-fetch) carry their Node source
// here; any other Response (an injected fetch) is read through its web body.
const nodeSources = new WeakMap<Response, SourceClaim>();

/** Registers the Node source behind `response` (see {@link bodySourceOf}). */
export function attachBodySource(response: Response, claim: SourceClaim): void {
  nodeSources.set(response, claim);
}

/** The body of `response` as a {@link BodySource}: its Node source when nothing read it yet. */
export function bodySourceOf(response: Response): BodySource {
  return nodeSources.get(response)?.take() ?? webBodySource(response.body);
}

/** A web stream as a BodySource: reads while not paused. */
export function webBodySource(body: ReadableStream<Uint8Array> | null): BodySource {
  const reader = body?.getReader();
  let handlers: BodyHandlers | undefined;
  let paused = false;
  let reading = false;
  let closed = false;
  const pump = async () => {
    if (reading || closed || !handlers) return;
    reading = true;
    try {
      while (!paused && !closed) {
        const chunk = reader ? await reader.read() : ({ done: true, value: undefined } as const);
        if (closed) return;
        if (chunk.done) {
          closed = true;
          handlers.end();
          return;
        }
        const value = chunk.value;
        handlers.data(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
      }
    } catch (error) {
      if (closed) return;
      closed = true;
      handlers.error(error);
    } finally {
      reading = false;
    }
  };
  return {
    start(given) {
      handlers = given;
      void pump();
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      void pump();
    },
    destroy() {
      closed = true;
      reader?.cancel().catch(() => {});
    },
  };
}

/**
 * A claimed BodySource as a web stream that takes the source on its first read (never before:
 * highWaterMark 0), so that a download that takes the Node source first leaves this one unread.
 */
export function webStreamOf(claim: SourceClaim): ReadableStream<Uint8Array> {
  let source: BodySource | undefined;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (source) return source.resume();
        source = claim.take();
        if (!source) return controller.error(new TypeError('This body was already read'));
        const started = source;
        started.start({
          data(chunk) {
            controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
            if ((controller.desiredSize ?? 0) <= 0) started.pause();
          },
          end: () => controller.close(),
          error: (error) => controller.error(error),
        });
      },
      cancel() {
        (source ?? claim.take())?.destroy();
      },
    },
    { highWaterMark: 0 },
  );
}
