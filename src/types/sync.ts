// Public types of `ca.sync()`: keep a directory of export files up to date, one file per window
// and report type, with the progress kept in a plain JSON state the caller stores anywhere.
import type { ReportType } from '../../generated/report-parameters.js';
import type { RangeFormat, WindowUnit } from './range-export.js';
import type { TimeInput } from './time-input.js';
import type { WaitOptions } from './wait.js';

/** Where one report type stands. Instants as ISO 8601 text, so the state reads well as JSON. */
export interface SyncBookmark {
  /** Everything before this instant is exported in closed windows whose files are in place. */
  readonly bookmark: string;
  /** The end of the data exported so far (the open window included). */
  readonly exportedUntil: string;
}

/**
 * The progress `ca.sync()` returns and takes back next time: one bookmark per report type, as
 * plain JSON to keep anywhere (a file, a table).
 */
export interface SyncState {
  readonly kind: 'khoros-care-analytics/sync-state';
  readonly version: 1;
  readonly types: Readonly<Partial<Record<ReportType, SyncBookmark>>>;
}

/**
 * What `ca.sync()` keeps up to date: the report types, the directory, and the state of the last run.
 *
 * @example
 * ```ts
 * const state = JSON.parse(await readFile('sync.json', 'utf8').catch(() => 'null')) ?? undefined;
 * const result = await ca.sync({ types: ['conversation', 'response'], out: 'exports', state, since: '2026-01-01T00:00:00Z' });
 * await writeFile('sync.json', JSON.stringify(result.state));
 * ```
 */
export interface SyncOptions extends Pick<WaitOptions, 'pollIntervalMs' | 'maxPollIntervalMs'> {
  /** The report types to bring up to date; they share the client's scheduler. */
  readonly types: readonly ReportType[];
  /** Files go to `<out>/<type>/<window label>.<format>`. */
  readonly out: string;
  /** What the last run returned (or undefined the first time). */
  readonly state?: SyncState | undefined;
  /** Where a type without a bookmark starts. */
  readonly since?: TimeInput;
  /** Default `month`. */
  readonly window?: WindowUnit;
  /** Also export again the closed windows that overlap this many ms before the end (late data). */
  readonly lookbackMs?: number;
  /** Zone of the day and window boundaries: an IANA id or an offset in ms; default UTC. */
  readonly timeZone?: string | number;
  /** Default json. */
  readonly format?: RangeFormat;
  /** Further parameters per report type (everything but startTime/endTime/reportFormat). */
  readonly params?: Readonly<Partial<Record<ReportType, Readonly<Record<string, unknown>>>>>;
  readonly signal?: AbortSignal;
  /** Deadline of each window's job; default one hour. */
  readonly timeoutMs?: number;
  /** Called with the new state each time a bookmark advances: store it, and a crash loses nothing. */
  readonly onState?: (state: SyncState) => void;
  /** Called when a window of a report type is written. */
  readonly onWindow?: (event: SyncWindowEvent) => void;
  /** Default `Date.now()`: the sync exports up to midnight starting this day. */
  readonly now?: number;
}

/** What `onWindow` of `ca.sync()` hears about one written window. */
export interface SyncWindowEvent {
  readonly type: ReportType;
  readonly label: string;
  readonly startTime: number;
  readonly endTime: number;
  /** The window is still open (its calendar period has not ended): it is exported again next run. */
  readonly open: boolean;
  readonly state: 'started' | 'done';
  readonly file?: string;
  readonly rows?: number;
  readonly bytes?: number;
}

/** What `ca.sync()` resolves with: the new state to keep, and what it wrote. */
export interface SyncResult {
  readonly state: SyncState;
  /** No job was started: every type was already exported up to the end of the last whole day. */
  readonly upToDate: boolean;
  readonly windows: readonly SyncWindowEvent[];
}
