import type { RangeProgress } from '../../index.js';
import type { CliContext } from '../context.js';
import { formatBytes, formatCount, formatDuration } from './format.js';
import type { ProgressMode } from './progress.js';

/** `windows 3/13 done, 7 running, 3 queued · 12,345 rows · 1.2 MB · 12.3 s · ETA 40.0 s`. */
export function describeRange(p: RangeProgress): string {
  const eta = p.etaMs === null ? '' : ` · ETA ${formatDuration(p.etaMs)}`;
  return `windows ${p.done}/${p.windows} done, ${p.running} running, ${p.queued} queued · ${formatCount(p.rows)} rows · ${formatBytes(p.bytes)} · ${formatDuration(p.elapsedMs)}${eta}`;
}

/**
 * Progress of a range export on stderr: a line per window event (what happened to which window,
 * then the totals), or with --json-log one `window` event per line. Quiet prints nothing.
 */
export function rangeProgressPrinter(mode: ProgressMode, context: CliContext): (p: RangeProgress) => void {
  return (p) => {
    if (mode === 'quiet') return;
    if (mode === 'json') {
      const { window, event: _event, ...totals } = p;
      context.stderr.write(
        `${JSON.stringify({
          event: p.event === 'planned' || p.event === 'merged' ? p.event : 'window',
          time: new Date(context.now()).toISOString(),
          ...(window
            ? {
                state: p.event,
                window: window.label,
                startTime: new Date(window.startTime).toISOString(),
                endTime: new Date(window.endTime).toISOString(),
                ...(window.job ? { workflowId: window.job.workflowId } : {}),
                ...(window.rows === undefined ? {} : { windowRows: window.rows, windowBytes: window.bytes }),
              }
            : {}),
          ...totals,
        })}\n`,
      );
      return;
    }
    const what = p.window ? `${p.window.label} ${p.event}` : p.event;
    context.stderr.write(`${what} · ${describeRange(p)}\n`);
  };
}
