// Everything a sandbox can be configured with, and the defaults a bare `startSandbox()` uses.
import { inspect } from 'node:util';
import { redactText } from '../redaction/index.js';
import type { AnswerHook } from './answer-hook.js';
import { type DataOptions, defaultDataOptions } from './data/params.js';

/** An API user of the sandbox (the `extraUsers` option). */
export interface SandboxUser {
  readonly username: string;
  readonly password: string;
}

/** What a `jobDurationMs` function gets to decide how long a job runs. */
export interface JobTiming {
  /** Rows the job will export. */
  readonly totalCount: number;
  /** Requested range in ms. */
  readonly rangeMs: number;
}

/**
 * Everything {@link startSandbox} can be configured with; every option has a default.
 *
 * @example `await startSandbox({ seed: 7, rowsPerDay: 10_000, speed: 20, urlTtlSeconds: 5 });`
 */
export interface SandboxOptions {
  /** API port (default 0: any free port). */
  readonly port?: number;
  /** Storage port (default 0). */
  readonly storagePort?: number;
  /** The API user (defaults `sandbox` / `sandbox-password`). */
  readonly username?: string;
  readonly password?: string;
  /** Further API users, e.g. to exercise the per-company quota across users. */
  readonly extraUsers?: readonly SandboxUser[];
  readonly companyKey?: string;
  /** Seed of all generated data (default 1). */
  readonly seed?: number;
  /** Event rows per day (default 500). 1.2 million per day over 7 days of conversations is about
   * 1 GiB of CSV (a CSV row is ~130 bytes, a JSON row ~400). */
  readonly rowsPerDay?: number;
  /** Roster size behind `/teams` and the agent columns (defaults 4 teams, 24 agents). */
  readonly teams?: number;
  readonly agents?: number;
  /**
   * Divides every job's running time (default 1). At 1 a job runs 1 s plus 0.05 ms per row, the
   * way real exports take longer for longer ranges and more data; tests use 10–100.
   */
  readonly speed?: number;
  /** Fixed running time in ms for every job, or a function of the job; overrides `speed`. */
  readonly jobDurationMs?: number | ((job: JobTiming) => number);
  /** Lifetime of pre-signed download URLs in seconds (default 60). */
  readonly urlTtlSeconds?: number;
  /**
   * How the run response and status carry `statusUrl`/`downloadUrl`: with the newer per-job
   * `analyticsAccessToken` (default), the older `companyKey`, or not at all.
   */
  readonly jobUrls?: 'analyticsAccessToken' | 'companyKey' | 'omit';
  /** Shape of the status `result`: alternate object / one-element array (default, like the
   * vendor), or always one of them. */
  readonly statusShape?: 'alternate' | 'object' | 'array';
  /** Validate requests against the bundled OpenAPI spec (default true). */
  readonly validate?: boolean;
  /**
   * How many requests `requests` keeps, the newest (default 10,000; `Infinity` keeps all): a
   * sandbox left running behind a test suite must not grow without limit.
   */
  readonly requestLogLimit?: number;
  /**
   * Told of an exception in the sandbox's own code before it answers 500 (default: a line and the
   * stack on stderr), so that a bug never hides behind an ordinary-looking server error.
   */
  readonly onError?: (error: unknown, request: { readonly method: string; readonly url: string }) => void;
  /**
   * Called with every answer of the API origin as it is sent (status, headers, body), e.g. to
   * check the sandbox's answers against the spec. Not called for the storage origin.
   */
  readonly onResponse?: AnswerHook;
}

export interface ResolvedOptions {
  readonly port: number;
  readonly storagePort: number;
  readonly users: readonly SandboxUser[];
  readonly companyKey: string;
  readonly data: DataOptions;
  readonly jobDuration: (job: JobTiming) => number;
  readonly urlTtlMs: number;
  readonly jobUrls: 'analyticsAccessToken' | 'companyKey' | 'omit';
  readonly statusShape: 'alternate' | 'object' | 'array';
  readonly validate: boolean;
  readonly requestLogLimit: number;
  readonly onError: NonNullable<SandboxOptions['onError']>;
  readonly onResponse: AnswerHook | undefined;
}

/** The query is where companyKey travels: masked, though the sandbox's key is good for nothing else. */
const logToStderr: ResolvedOptions['onError'] = (error, request) => {
  const what = `${request.method} ${redactText(request.url)}`;
  process.stderr.write(`khoros-care-analytics sandbox: internal error on ${what}: ${inspect(error)}\n`);
};

export function resolveOptions(options: SandboxOptions = {}): ResolvedOptions {
  const speed = options.speed ?? 1;
  if (!(speed > 0)) throw new RangeError(`speed must be a positive number, got ${speed}`);
  const fixed = options.jobDurationMs;
  const rowsPerDay = options.rowsPerDay ?? defaultDataOptions.rowsPerDay;
  if (!Number.isInteger(rowsPerDay) || rowsPerDay < 1 || rowsPerDay > 100_000_000) {
    throw new RangeError(`rowsPerDay must be an integer from 1 to 100000000, got ${rowsPerDay}`);
  }
  const requestLogLimit = options.requestLogLimit ?? 10_000;
  if (
    !(
      requestLogLimit === Number.POSITIVE_INFINITY ||
      (Number.isInteger(requestLogLimit) && requestLogLimit >= 0)
    )
  ) {
    throw new RangeError(
      `requestLogLimit must be a whole number of requests or Infinity, got ${requestLogLimit}`,
    );
  }
  return {
    port: options.port ?? 0,
    storagePort: options.storagePort ?? 0,
    users: [
      { username: options.username ?? 'sandbox', password: options.password ?? 'sandbox-password' },
      ...(options.extraUsers ?? []),
    ],
    companyKey: options.companyKey ?? 'sandbox-company-key',
    data: {
      seed: options.seed ?? defaultDataOptions.seed,
      rowsPerDay,
      teams: options.teams ?? defaultDataOptions.teams,
      agents: options.agents ?? defaultDataOptions.agents,
    },
    jobDuration:
      typeof fixed === 'function'
        ? fixed
        : typeof fixed === 'number'
          ? () => fixed
          : (job) => (1000 + job.totalCount * 0.05) / speed,
    urlTtlMs: (options.urlTtlSeconds ?? 60) * 1000,
    jobUrls: options.jobUrls ?? 'analyticsAccessToken',
    statusShape: options.statusShape ?? 'alternate',
    validate: options.validate ?? true,
    requestLogLimit,
    onError: options.onError ?? logToStderr,
    onResponse: options.onResponse,
  };
}
