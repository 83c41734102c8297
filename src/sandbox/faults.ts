// Scripted faults: "the next N requests to this route misbehave like this". Scripted from code
// (`sb.faults.add(…)`) or over HTTP (`POST /__sandbox/faults` with the same object as JSON).

/** The sandbox's routes: the API operations plus the storage host. */
export const faultRoutes = ['run', 'status', 'download', 'storage', 'timezones', 'teams', 'jobs'] as const;
/** Which requests a fault applies to: an API operation, or `storage` (the download host). */
export type FaultRoute = (typeof faultRoutes)[number];

/**
 * How the next matching request misbehaves, e.g. `{ kind: 'httpError', status: 503 }` or
 * `{ kind: 'reset', afterBytes: 1000 }`.
 */
export type Fault =
  /** Answer with this HTTP status (429, 500, 502, 503, …); `retryAfter` in seconds or as a date. */
  | { readonly kind: 'httpError'; readonly status: number; readonly retryAfter?: number | Date | string }
  /** Reset the connection at once, or (with `afterBytes`) after the headers and that many body
   * bytes; a body that ends before `afterBytes` is sent whole. */
  | { readonly kind: 'reset'; readonly afterBytes?: number }
  /** Announce the full Content-Length, send `afterBytes` bytes (default half), then close cleanly. */
  | { readonly kind: 'truncate'; readonly afterBytes?: number }
  /** Hang for `seconds` before answering, or after `afterBytes` bytes of the body, then go on. */
  | { readonly kind: 'stall'; readonly seconds: number; readonly afterBytes?: number }
  /** 200 with a body that is not valid JSON. */
  | { readonly kind: 'malformedJson' }
  /** A `status: "FAIL"` envelope (HTTP 200 unless `httpStatus` says otherwise). */
  | {
      readonly kind: 'failEnvelope';
      readonly message?: string;
      readonly result?: string;
      readonly httpStatus?: number;
    }
  /** run: the job is accepted, runs, and closes FAILED with `reason`. */
  | { readonly kind: 'jobFailed'; readonly reason?: string }
  /** run: the job is closed FAILED at once as over the vendor's export quota. */
  | { readonly kind: 'queueFull' }
  /** download: the 307 points at an already expired pre-signed URL. */
  | { readonly kind: 'expiredUrl' }
  /** run, status: `statusUrl`/`downloadUrl` point at another origin (the storage host by default). */
  | { readonly kind: 'foreignStatusUrl'; readonly origin?: string };

/** The kinds of {@link Fault}. */
export type FaultKind = Fault['kind'];
/**
 * A {@link Fault} for one route, applied to the next `times` requests of it (default 1).
 *
 * @example `sandbox.faults.add({ route: 'run', kind: 'httpError', status: 429, retryAfter: 2, times: 3 });`
 */
export type ScriptedFault = Fault & { readonly route: FaultRoute; readonly times?: number };

const onlyOn: Partial<Record<FaultKind, readonly FaultRoute[]>> = {
  jobFailed: ['run'],
  queueFull: ['run'],
  expiredUrl: ['download'],
  foreignStatusUrl: ['run', 'status'],
  malformedJson: ['run', 'status', 'download', 'timezones', 'teams', 'jobs'],
  failEnvelope: ['run', 'status', 'download', 'timezones', 'teams', 'jobs'],
};
const kinds: readonly FaultKind[] = [
  'httpError',
  'reset',
  'truncate',
  'stall',
  'malformedJson',
  'failEnvelope',
  'jobFailed',
  'queueFull',
  'expiredUrl',
  'foreignStatusUrl',
];

export interface PendingFault {
  readonly route: FaultRoute;
  readonly fault: Fault;
  remaining: number;
}

/**
 * The fault script of a sandbox (`sandbox.faults`): what the next requests of each route do wrong.
 *
 * @example
 * ```ts
 * sandbox.faults.add({ route: 'storage', kind: 'truncate', afterBytes: 500 });
 * // … exercise your download code, then:
 * sandbox.faults.clear();
 * ```
 */
export class Faults {
  readonly #pending: PendingFault[] = [];

  /** Scripts `fault` for the next `times` (default 1) requests to `route`; faults queue in order. */
  add(scripted: ScriptedFault): void {
    const { route, times = 1, ...fault } = checkFault(scripted);
    this.#pending.push({ route, fault: fault as Fault, remaining: times });
  }

  /** Faults still to fire, in the order they will. */
  pending(): readonly { route: FaultRoute; kind: FaultKind; remaining: number }[] {
    return this.#pending.map((p) => ({ route: p.route, kind: p.fault.kind, remaining: p.remaining }));
  }

  /** Drops every fault not yet used. */
  clear(): void {
    this.#pending.length = 0;
  }

  /** The fault the current request to `route` must suffer, if any (consumes one use). */
  take(route: FaultRoute): Fault | undefined {
    const index = this.#pending.findIndex((p) => p.route === route);
    const entry = this.#pending[index];
    if (!entry) return undefined;
    if (--entry.remaining <= 0) this.#pending.splice(index, 1);
    return entry.fault;
  }
}

/** Validates a fault script (it may come as JSON from the admin endpoint). */
export function checkFault(input: unknown): ScriptedFault {
  const f = input as Record<string, unknown> | null;
  if (!f || typeof f !== 'object') throw new TypeError('a fault must be an object');
  if (!faultRoutes.includes(f.route as FaultRoute)) {
    throw new TypeError(`fault.route must be one of ${faultRoutes.join(', ')}`);
  }
  const kind = f.kind as FaultKind;
  if (!kinds.includes(kind)) throw new TypeError(`fault.kind must be one of ${kinds.join(', ')}`);
  const routes = onlyOn[kind];
  if (routes && !routes.includes(f.route as FaultRoute)) {
    throw new TypeError(`a ${kind} fault applies to route ${routes.join(' or ')}, not ${String(f.route)}`);
  }
  const count = (name: string, required = false) => {
    const value = f[name];
    if (value === undefined && !required) return;
    if (typeof value !== 'number' || !(value >= 0))
      throw new TypeError(`fault.${name} must be a non-negative number`);
  };
  count('times');
  count('afterBytes');
  if (kind === 'stall') count('seconds', true);
  if (kind === 'httpError' && (typeof f.status !== 'number' || f.status < 400 || f.status > 599)) {
    throw new TypeError('fault.status must be an HTTP error status (400-599)');
  }
  return f as unknown as ScriptedFault;
}

/** `Retry-After` header value: delta-seconds or an HTTP date. */
export function retryAfterHeader(value: number | Date | string): string {
  if (value instanceof Date) return value.toUTCString();
  return String(value);
}
