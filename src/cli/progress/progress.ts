import { formatBytes, formatCount, formatDuration } from './format.js';

export type Phase = 'connecting' | 'starting' | 'waiting' | 'downloading';

/** Everything the progress display knows; each update merges a part of it. */
export interface ProgressSnapshot {
  phase: Phase;
  reportType?: string;
  workflowId?: string;
  polls?: number;
  currentCount?: number | null;
  totalCount?: number | null;
  bytes?: number;
  totalBytes?: number | undefined;
  rows?: number;
  /** Set while the client waits to retry a request: `retrying after HTTP 429 in 2 s`. */
  retrying?: string | undefined;
}

export interface Progress {
  update(change: Partial<ProgressSnapshot>): void;
  /** Clears any live line; what the command prints after this starts on a clean line. */
  stop(): void;
  /** A one-off structured event (json-log) or nothing. */
  event(name: string, fields: Record<string, unknown>): void;
}

export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
  readonly columns?: number | undefined;
}

export type ProgressMode = 'tty' | 'plain' | 'json' | 'quiet';

export function progressMode(
  options: { quiet?: boolean; jsonLog?: boolean },
  stream: ProgressStream,
): ProgressMode {
  if (options.jsonLog) return 'json';
  if (options.quiet) return 'quiet';
  return stream.isTTY ? 'tty' : 'plain';
}

/** One human line: `conversation · downloading · 4.2 s · 12.3 MB / 40.0 MB · 8.1 MB/s · 52,100 rows`. */
export function describe(snapshot: ProgressSnapshot, elapsedMs: number, rateBytesPerSecond?: number): string {
  const parts = [snapshot.reportType, snapshot.phase, formatDuration(elapsedMs)].filter(Boolean) as string[];
  if (snapshot.phase === 'waiting') {
    if (snapshot.polls !== undefined)
      parts.push(`${snapshot.polls} ${snapshot.polls === 1 ? 'poll' : 'polls'}`);
    if (typeof snapshot.currentCount === 'number') {
      const total = typeof snapshot.totalCount === 'number' ? ` / ${formatCount(snapshot.totalCount)}` : '';
      parts.push(`${formatCount(snapshot.currentCount)}${total} processed`);
    }
  }
  if (snapshot.bytes !== undefined) {
    const total = snapshot.totalBytes !== undefined ? ` / ${formatBytes(snapshot.totalBytes)}` : '';
    parts.push(`${formatBytes(snapshot.bytes)}${total}`);
    if (rateBytesPerSecond !== undefined && snapshot.phase === 'downloading') {
      parts.push(`${formatBytes(rateBytesPerSecond)}/s`);
    }
  }
  if (snapshot.rows !== undefined) parts.push(`${formatCount(snapshot.rows)} rows`);
  if (snapshot.retrying) parts.push(snapshot.retrying);
  return parts.join(' · ');
}
