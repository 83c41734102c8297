import {
  ApiError,
  AuthenticationError,
  ConnectionError,
  ReportFailedError,
  ServerError,
  TimeoutError,
} from '../../../src/index.js';
import type { Fault, FaultRoute, ScriptedFault } from '../../../src/sandbox/index.js';

type ErrorClass = abstract new (...args: never[]) => Error;

/** The documented CLI exit code of each outcome (care-analytics --help). */
export function exitCodeOf(outcome: ErrorClass | 'file'): number {
  if (outcome === 'file') return 0;
  if (outcome === AuthenticationError) return 3;
  if (outcome === ReportFailedError) return 4;
  if (outcome === TimeoutError) return 5;
  return 1;
}

export interface MatrixCase {
  readonly name: string;
  readonly faults: readonly ScriptedFault[];
  /** The export's end: the exact file, or no file and this error. */
  readonly outcome: ErrorClass | 'file';
  /** When the CLI (default timeouts: 30 s per request, 60 s of body silence) ends otherwise. */
  readonly cliOutcome?: ErrorClass | 'file';
}

const STALL_SECONDS = 4;
const f = (route: FaultRoute, fault: Fault & { readonly times?: number }): ScriptedFault =>
  ({ route, ...fault }) as ScriptedFault;

/**
 * Every sandbox fault kind on every route of an export (run, status, download, storage), once
 * (the client must get through) and, where a retry could hide it, persistently (the client must
 * end with the documented error). The library runs with 1.5 s request and body timeouts against
 * 4 s stalls; the CLI keeps its defaults, so a stall only delays it.
 */
export const exportMatrix: readonly MatrixCase[] = [
  // run: the POST that creates a job is repeated only when no job can exist.
  { name: 'run 503 once', faults: [f('run', { kind: 'httpError', status: 503 })], outcome: 'file' },
  {
    name: 'run 429 once',
    faults: [f('run', { kind: 'httpError', status: 429, retryAfter: 0 })],
    outcome: 'file',
  },
  { name: 'run 500', faults: [f('run', { kind: 'httpError', status: 500 })], outcome: ServerError },
  { name: 'run 401', faults: [f('run', { kind: 'httpError', status: 401 })], outcome: AuthenticationError },
  { name: 'run reset', faults: [f('run', { kind: 'reset' })], outcome: ConnectionError },
  {
    name: 'run truncate',
    faults: [f('run', { kind: 'truncate', afterBytes: 10 })],
    outcome: ConnectionError,
  },
  {
    name: 'run stall',
    faults: [f('run', { kind: 'stall', seconds: STALL_SECONDS })],
    outcome: TimeoutError,
    cliOutcome: 'file',
  },
  { name: 'run malformedJson', faults: [f('run', { kind: 'malformedJson' })], outcome: ApiError },
  { name: 'run failEnvelope', faults: [f('run', { kind: 'failEnvelope' })], outcome: ApiError },
  { name: 'run jobFailed', faults: [f('run', { kind: 'jobFailed' })], outcome: ReportFailedError },
  { name: 'run queueFull', faults: [f('run', { kind: 'queueFull' })], outcome: ReportFailedError },
  { name: 'run foreignStatusUrl', faults: [f('run', { kind: 'foreignStatusUrl' })], outcome: 'file' },
  // status: polls are idempotent; one bad answer never ends a wait.
  { name: 'status 500 once', faults: [f('status', { kind: 'httpError', status: 500 })], outcome: 'file' },
  {
    name: 'status 500 always',
    faults: [f('status', { kind: 'httpError', status: 500, times: 100 })],
    outcome: ServerError,
  },
  { name: 'status 400', faults: [f('status', { kind: 'httpError', status: 400 })], outcome: ApiError },
  {
    name: 'status 401',
    faults: [f('status', { kind: 'httpError', status: 401 })],
    outcome: AuthenticationError,
  },
  { name: 'status reset', faults: [f('status', { kind: 'reset' })], outcome: 'file' },
  { name: 'status truncate', faults: [f('status', { kind: 'truncate', afterBytes: 10 })], outcome: 'file' },
  { name: 'status stall', faults: [f('status', { kind: 'stall', seconds: STALL_SECONDS })], outcome: 'file' },
  { name: 'status malformedJson once', faults: [f('status', { kind: 'malformedJson' })], outcome: 'file' },
  {
    name: 'status malformedJson always',
    faults: [f('status', { kind: 'malformedJson', times: 100 })],
    outcome: ApiError,
  },
  { name: 'status failEnvelope once', faults: [f('status', { kind: 'failEnvelope' })], outcome: 'file' },
  { name: 'status foreignStatusUrl', faults: [f('status', { kind: 'foreignStatusUrl' })], outcome: 'file' },
  // download: the call that hands out the pre-signed URL.
  { name: 'download 500 once', faults: [f('download', { kind: 'httpError', status: 500 })], outcome: 'file' },
  {
    name: 'download 500 always',
    faults: [f('download', { kind: 'httpError', status: 500, times: 100 })],
    outcome: ServerError,
  },
  { name: 'download 400', faults: [f('download', { kind: 'httpError', status: 400 })], outcome: ApiError },
  { name: 'download reset', faults: [f('download', { kind: 'reset' })], outcome: 'file' },
  {
    name: 'download stall',
    faults: [f('download', { kind: 'stall', seconds: STALL_SECONDS })],
    outcome: 'file',
  },
  {
    name: 'download malformedJson (200)',
    faults: [f('download', { kind: 'malformedJson' })],
    outcome: ApiError,
  },
  {
    name: 'download failEnvelope (200)',
    faults: [f('download', { kind: 'failEnvelope' })],
    outcome: ApiError,
  },
  { name: 'download expiredUrl once', faults: [f('download', { kind: 'expiredUrl' })], outcome: 'file' },
  {
    name: 'download expiredUrl always',
    faults: [f('download', { kind: 'expiredUrl', times: 100 })],
    outcome: ApiError,
  },
  // storage: the file itself.
  { name: 'storage 500 once', faults: [f('storage', { kind: 'httpError', status: 500 })], outcome: 'file' },
  {
    name: 'storage 503 once',
    faults: [f('storage', { kind: 'httpError', status: 503, retryAfter: 0 })],
    outcome: 'file',
  },
  {
    name: 'storage 500 always',
    faults: [f('storage', { kind: 'httpError', status: 500, times: 100 })],
    outcome: ServerError,
  },
  { name: 'storage 404', faults: [f('storage', { kind: 'httpError', status: 404 })], outcome: ApiError },
  { name: 'storage 403 once', faults: [f('storage', { kind: 'httpError', status: 403 })], outcome: 'file' },
  {
    name: 'storage 403 always',
    faults: [f('storage', { kind: 'httpError', status: 403, times: 100 })],
    outcome: ApiError,
  },
  { name: 'storage reset at once', faults: [f('storage', { kind: 'reset' })], outcome: 'file' },
  {
    name: 'storage reset mid-body',
    faults: [f('storage', { kind: 'reset', afterBytes: 50_000 })],
    outcome: 'file',
  },
  // Each cut after progress is resumed where it stopped: a file that arrives 50 KB at a time
  // still arrives whole. Cuts that bring no byte end the download after the retry limit.
  {
    name: 'storage reset mid-body every time',
    faults: [f('storage', { kind: 'reset', afterBytes: 50_000, times: 100 })],
    outcome: 'file',
  },
  {
    name: 'storage reset after the headers always',
    faults: [f('storage', { kind: 'reset', afterBytes: 0, times: 100 })],
    outcome: ConnectionError,
  },
  { name: 'storage truncate once', faults: [f('storage', { kind: 'truncate' })], outcome: 'file' },
  {
    name: 'storage truncate always',
    faults: [f('storage', { kind: 'truncate', times: 100 })],
    outcome: ConnectionError,
  },
  {
    name: 'storage stall before headers',
    faults: [f('storage', { kind: 'stall', seconds: STALL_SECONDS })],
    outcome: 'file',
  },
  {
    name: 'storage stall mid-body',
    faults: [f('storage', { kind: 'stall', seconds: STALL_SECONDS, afterBytes: 50_000 })],
    outcome: 'file',
  },
];

/** Fault kinds on the reference routes (timezones, teams): a list, or the documented error. */
export const referenceMatrix: readonly MatrixCase[] = (['timezones', 'teams'] as const).flatMap((route) => [
  {
    name: `${route} 500 once`,
    faults: [f(route, { kind: 'httpError', status: 500 })],
    outcome: 'file' as const,
  },
  {
    name: `${route} 401`,
    faults: [f(route, { kind: 'httpError', status: 401 })],
    outcome: AuthenticationError,
  },
  { name: `${route} reset`, faults: [f(route, { kind: 'reset' })], outcome: 'file' as const },
  {
    name: `${route} truncate`,
    faults: [f(route, { kind: 'truncate', afterBytes: 10 })],
    outcome: 'file' as const,
  },
  {
    name: `${route} stall`,
    faults: [f(route, { kind: 'stall', seconds: STALL_SECONDS })],
    outcome: 'file' as const,
  },
  { name: `${route} malformedJson`, faults: [f(route, { kind: 'malformedJson' })], outcome: ApiError },
  { name: `${route} failEnvelope`, faults: [f(route, { kind: 'failEnvelope' })], outcome: ApiError },
]);
