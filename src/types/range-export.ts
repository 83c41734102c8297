// Public types of `reports.exportRange()`: a range of any length cut into calendar windows, each
// one export job run through the client's scheduler, written resumably to one merged file (or
// one file per window) with a manifest beside it.
import type { ReportJobState } from './report-job-state.js';
import type { WaitOptions } from './wait.js';

/** Calendar windows a range is cut into; none is longer than the API's 3 months. */
export type WindowUnit = 'day' | 'week' | 'month' | 'quarter';

/** What a range export writes: the service's csv or json, or json rows one per line. */
export type RangeFormat = 'csv' | 'json' | 'ndjson';

/**
 * Where and how `ca.reports.exportRange()` writes a range of any length: the output, the window
 * size, their time zone, and progress.
 *
 * @example
 * ```ts
 * await ca.reports.exportRange('conversation', { startTime: '2025-01-01T00:00:00Z', endTime: '2026-01-01T00:00:00Z' }, {
 *   out: 'exports/conversation-2025.csv',
 *   window: 'month',
 *   onProgress: (p) => console.log(p.event, `${p.done}/${p.windows}`),
 * });
 * ```
 */
export interface RangeExportOptions extends Pick<WaitOptions, 'pollIntervalMs' | 'maxPollIntervalMs'> {
  /**
   * The merged output file, or with `partition` the directory that receives one file per window.
   * The manifest sits beside it (`<out>.manifest.json`, or `manifest.json` in the directory).
   */
  readonly out: string;
  /** Default: the params' `reportFormat` (json when absent). */
  readonly format?: RangeFormat;
  /** Default `month`. Weeks start on Monday. */
  readonly window?: WindowUnit;
  /**
   * Zone of the calendar boundaries: an IANA id or a fixed offset in ms east of UTC. Default:
   * the params' `timezone`, else its `timezoneOffset`, else UTC.
   */
  readonly timeZone?: string | number;
  /** One file per window, named after it, instead of one merged file. */
  readonly partition?: boolean;
  readonly signal?: AbortSignal;
  /** Deadline of each window's job (queue, refused starts retried, wait); default one hour. */
  readonly timeoutMs?: number;
  /** Called on every window event (planned, started, resumed, kept, done, merged). */
  readonly onProgress?: (progress: RangeProgress) => void;
  /** For retention warnings; default `Date.now()`. */
  readonly now?: number;
}

/** Where a window of a range export stands in its manifest. */
export type WindowState = 'pending' | 'started' | 'done';

/** One window as the manifest records it. */
export interface RangeWindow {
  /** `2026-01` (month), `2026-Q1`, `2026-01-05` (day, or the Monday of a week). */
  readonly label: string;
  readonly startTime: number;
  readonly endTime: number;
  readonly state: WindowState;
  /** The window's export job, saved as `job.toJSON()` once started. */
  readonly job?: ReportJobState;
  /** Once done: its file (relative to the manifest), rows, bytes and SHA-256. */
  readonly file?: string;
  readonly rows?: number;
  readonly bytes?: number;
  readonly sha256?: string;
}

/** What `onProgress` of a range export hears: the event, and the counts so far. */
export interface RangeProgress {
  /** What just happened: a window was queued, started, picked up from its saved job, or finished. */
  readonly event: 'planned' | 'started' | 'resumed' | 'kept' | 'done' | 'merged';
  readonly window?: RangeWindow;
  readonly windows: number;
  readonly done: number;
  readonly running: number;
  readonly queued: number;
  readonly rows: number;
  readonly bytes: number;
  readonly elapsedMs: number;
  /** From the pace of the windows finished in this run; null until one has. */
  readonly etaMs: number | null;
}

/** What `ca.reports.exportRange()` resolves with once every window is in place. */
export interface RangeExportResult {
  /** The merged file, or the directory of window files. */
  readonly path: string;
  readonly manifestPath: string;
  readonly windows: readonly RangeWindow[];
  readonly rows: number;
  readonly bytes: number;
  /** Windows found finished by an earlier, interrupted run and kept. */
  readonly kept: number;
}
