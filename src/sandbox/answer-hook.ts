// The `onResponse` option: every answer of the API origin, as it leaves, for whoever wants to
// check it (this package's own test suite validates each one against the bundled spec).
import type { IncomingMessage } from 'node:http';
import type { FaultKind } from './faults.js';
import type { Reply } from './respond.js';

/** One answer of the API origin, as the `onResponse` option hears it. */
export interface SandboxAnswer {
  readonly method: string;
  /** Path below the server prefix, e.g. `/reports/report/conversation`. */
  readonly path: string;
  /** Query string without the leading `?` (it carries the company key or access token). */
  readonly query: string;
  readonly status: number;
  /** Response headers, lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as text (API answers are small envelopes, or empty for the 307). */
  readonly body: string;
  /** The scripted fault that shaped this answer, if any. */
  readonly fault: FaultKind | undefined;
}

/**
 * The `onResponse` option: called with every answer of the API origin as it is sent.
 *
 * @example `await startSandbox({ onResponse: (answer) => statuses.push(answer.status) });`
 */
export type AnswerHook = (answer: SandboxAnswer) => void;

/** Hands `reply` to the hook; a hook that throws does not stop the answer from being sent. */
export function reportAnswer(
  hook: AnswerHook,
  req: IncomingMessage,
  url: URL,
  prefix: string,
  reply: Reply,
  fault: FaultKind | undefined,
): void {
  const headers = Object.fromEntries(
    Object.entries(reply.headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]),
  );
  // API answers are buffered; a lazy body (never produced by the API origin) is not read twice.
  const body = Array.isArray(reply.chunks) ? Buffer.concat(reply.chunks).toString('utf8') : '';
  try {
    hook({
      method: req.method ?? 'GET',
      path: url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname,
      query: url.search.slice(1),
      status: reply.status,
      headers: { ...headers, 'content-length': String(reply.length) },
      body,
      fault,
    });
  } catch {
    // The hook observes; its failures are its own to report.
  }
}
