// `khoros-care-analytics/sandbox`: a local Care Analytics service that behaves like the real one —
// jobs that take time, quotas, a 307 to a separate storage origin that rejects credentials,
// expiring pre-signed URLs, deterministic data for all 13 report types, scriptable faults — with
// every request checked against the bundled OpenAPI spec.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReportType } from '../parameters/index.js';
import { ADMIN_PREFIX, handleAdmin } from './admin.js';
import { API_PREFIX, handleApi } from './api.js';
import { generateRows as generate, rosterOf } from './data/generate.js';
import type { DataOptions, ReportParams } from './data/params.js';
import { Faults } from './faults.js';
import { JobStore } from './jobs.js';
import { type ResolvedOptions, resolveOptions, type SandboxOptions } from './options.js';
import type { RecordedRequest } from './requests.js';
import { UrlSigner } from './signing.js';
import type { SandboxState } from './state.js';
import { handleStorage } from './storage.js';
import { prepareValidator } from './validate.js';

export type { ReportType } from '../parameters/index.js';
export type { AnswerHook, SandboxAnswer } from './answer-hook.js';
export { columnNames } from './data/columns.js';
export { type ExportFormat, generateChunks, generateRows } from './data/generate.js';
export type { ConversationReportType, DataOptions, ReportParams } from './data/params.js';
export type { Fault, FaultKind, FaultRoute, ScriptedFault } from './faults.js';
export { Faults, faultRoutes } from './faults.js';
export { LIMITS, TOO_MANY_EXPORTS } from './jobs.js';
export { MAX_BUCKETS } from './limits.js';
export type { JobTiming, SandboxOptions, SandboxUser } from './options.js';
export type { RecordedRequest } from './requests.js';

/**
 * A running sandbox, as {@link startSandbox} resolves it: where it listens, its throwaway
 * credentials, its fault script and its request log.
 */
export interface Sandbox {
  /** API base URL including the path prefix: `http://127.0.0.1:<port>/api/public`. */
  readonly url: string;
  /** Origin of the storage host the downloads redirect to: `http://127.0.0.1:<otherPort>`. */
  readonly storageUrl: string;
  /** Base of the admin endpoint (`POST <adminUrl>/faults`, `GET <adminUrl>/requests`). */
  readonly adminUrl: string;
  /** Pass straight to `createCareAnalytics({ baseUrl: sb.url, ...sb.credentials })`. */
  readonly credentials: { readonly username: string; readonly password: string; readonly companyKey: string };
  /** What shapes the generated data; `generateRows(type, params, sb.data)` reproduces an export. */
  readonly data: DataOptions;
  /** Script faults: `sb.faults.add({ route: 'storage', kind: 'reset', afterBytes: 1000 })`. */
  readonly faults: Faults;
  /** Requests received by either origin, in order (admin requests excepted): the newest
   * `requestLogLimit` of them. */
  readonly requests: readonly RecordedRequest[];
  /** The rows this sandbox exports for a report request (same seed, roster and rows per day). */
  generateRows(type: ReportType, params: ReportParams): Record<string, string>[];
  /** Stops both servers, cutting open connections and stalls. */
  close(): Promise<void>;
}

/**
 * Starts a local Care Analytics service on `127.0.0.1` (an API origin and a storage origin, both
 * on free ports unless `options` say otherwise). Close it with `sandbox.close()`.
 *
 * @throws `RangeError` for an invalid option (e.g. `speed: 0`); the listen error (e.g.
 * `EADDRINUSE`) when a given port is taken.
 * @example
 * ```ts
 * import { createCareAnalytics } from 'khoros-care-analytics';
 * import { startSandbox } from 'khoros-care-analytics/sandbox';
 *
 * const sandbox = await startSandbox({ jobDurationMs: 0 });
 * const ca = createCareAnalytics({ baseUrl: sandbox.url, ...sandbox.credentials });
 * const job = await ca.reports.run('author', { startTime: Date.now() - 86_400_000, endTime: Date.now() });
 * console.log((await Array.fromAsync(job.rows())).length);
 * await sandbox.close();
 * ```
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const resolved = resolveOptions(options);
  const abort = new AbortController();
  if (resolved.validate) await prepareValidator();
  const state: SandboxState = {
    options: resolved,
    jobs: new JobStore(resolved.data, resolved.jobDuration, abort.signal),
    faults: new Faults(),
    signer: new UrlSigner(),
    roster: rosterOf(resolved.data),
    requests: [],
    signal: abort.signal,
    apiOrigin: '',
    storageOrigin: '',
  };
  const api = serve(
    (req, res) =>
      req.url?.startsWith(ADMIN_PREFIX) ? handleAdmin(state, req, res) : handleApi(state, req, res),
    resolved.onError,
  );
  const storage = serve((req, res) => handleStorage(state, req, res), resolved.onError);
  try {
    state.apiOrigin = await listen(api, resolved.port);
    state.storageOrigin = await listen(storage, resolved.storagePort);
  } catch (error) {
    await Promise.all([stop(api), stop(storage)]);
    throw error;
  }
  const [user] = resolved.users;
  let closing: Promise<void> | undefined;
  return {
    url: `${state.apiOrigin}${API_PREFIX}`,
    storageUrl: state.storageOrigin,
    adminUrl: `${state.apiOrigin}${ADMIN_PREFIX.slice(0, -1)}`,
    credentials: {
      username: user?.username ?? '',
      password: user?.password ?? '',
      companyKey: resolved.companyKey,
    },
    data: resolved.data,
    faults: state.faults,
    requests: state.requests,
    generateRows: (type, params) => generate(type, params, resolved.data),
    close() {
      closing ??= (async () => {
        abort.abort();
        await Promise.all([stop(api), stop(storage)]);
      })();
      return closing;
    },
  };
}

/** Lines a command can print to tell a user how to reach the sandbox (contains its credentials,
 * which are the sandbox's own and useless anywhere else). */
export function describeSandbox(sb: Sandbox): string {
  return [
    `API URL       ${sb.url}`,
    `Storage URL   ${sb.storageUrl}`,
    `Username      ${sb.credentials.username}`,
    `Password      ${sb.credentials.password}`,
    `Company key   ${sb.credentials.companyKey}`,
    `Faults        POST ${sb.adminUrl}/faults   (JSON, e.g. {"route":"run","kind":"httpError","status":429,"retryAfter":2})`,
  ].join('\n');
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * Any exception of a handler becomes a 500 (or a cut connection, once the answer has begun) and is
 * reported to `onError` first; a failure because the client went away is no bug and not reported.
 */
function serve(handler: Handler, onError: ResolvedOptions['onError']): Server {
  return createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      if (!res.destroyed && !req.socket.destroyed)
        onError(error, { method: req.method ?? '', url: req.url ?? '' });
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end('{"status":"FAIL","request":null,"message":"Sandbox internal error"}');
      } else {
        res.destroy();
      }
    });
  });
}

function listen(server: Server, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
