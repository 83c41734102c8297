import {
  describe,
  type Progress,
  type ProgressMode,
  type ProgressSnapshot,
  type ProgressStream,
} from './progress.js';

const TTY_REFRESH_MS = 100;
const PLAIN_EVERY_MS = 5_000;
const JSON_PROGRESS_EVERY_MS = 1_000;

/**
 * The progress display on stderr. `tty`: one live line redrawn in place (and every 250 ms so the
 * clock moves while nothing happens). `plain` (logs, CI): a line on each phase change and every
 * few seconds. `json`: one JSON object per line. `quiet`: nothing.
 */
export function createProgress(
  mode: ProgressMode,
  stream: ProgressStream,
  now: () => number = Date.now,
): Progress {
  const startedAt = now();
  const snapshot: ProgressSnapshot = { phase: 'connecting' };
  let downloadStartedAt: number | undefined;
  let lastDrawn = Number.NEGATIVE_INFINITY;
  let lastPhase: string | undefined;
  let lastPolls: number | undefined;
  let liveLine = false;
  let ticker: NodeJS.Timeout | undefined;

  const rate = () => {
    if (downloadStartedAt === undefined || snapshot.bytes === undefined) return undefined;
    const seconds = (now() - downloadStartedAt) / 1000;
    return seconds > 0.05 ? snapshot.bytes / seconds : undefined;
  };
  const writeJson = (event: string, fields: Record<string, unknown>) => {
    stream.write(
      `${JSON.stringify({ event, time: new Date(now()).toISOString(), elapsedMs: now() - startedAt, ...fields })}\n`,
    );
  };
  const drawTty = () => {
    // A pseudo-terminal without a size (script, some CI runners) reports 0 columns.
    const width = Math.max(20, (stream.columns || 120) - 1);
    const line = describe(snapshot, now() - startedAt, rate());
    stream.write(`\r\x1b[2K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
    liveLine = true;
    lastDrawn = now();
  };
  const drawPlain = () => {
    stream.write(`${describe(snapshot, now() - startedAt, rate())}\n`);
    lastDrawn = now();
  };

  if (mode === 'tty') ticker = setInterval(drawTty, 250).unref();
  if (mode === 'plain') {
    ticker = setInterval(() => {
      if (now() - lastDrawn >= PLAIN_EVERY_MS) drawPlain();
    }, 1_000).unref();
  }

  return {
    update(change) {
      Object.assign(snapshot, change);
      if (snapshot.phase === 'downloading' && downloadStartedAt === undefined) downloadStartedAt = now();
      const phaseChanged = snapshot.phase !== lastPhase;
      lastPhase = snapshot.phase;
      switch (mode) {
        case 'tty':
          if (phaseChanged || now() - lastDrawn >= TTY_REFRESH_MS) drawTty();
          break;
        case 'plain':
          if (phaseChanged || now() - lastDrawn >= PLAIN_EVERY_MS) drawPlain();
          break;
        case 'json': {
          const pollsChanged = snapshot.polls !== lastPolls;
          lastPolls = snapshot.polls;
          if (phaseChanged || pollsChanged || now() - lastDrawn >= JSON_PROGRESS_EVERY_MS) {
            const { phase, ...fields } = snapshot;
            const bytesPerSecond = rate();
            writeJson('progress', {
              phase,
              ...fields,
              ...(bytesPerSecond ? { bytesPerSecond: Math.round(bytesPerSecond) } : {}),
            });
            lastDrawn = now();
          }
          break;
        }
        case 'quiet':
          break;
      }
    },
    stop() {
      if (ticker) clearInterval(ticker);
      ticker = undefined;
      if (liveLine) stream.write('\r\x1b[2K');
      liveLine = false;
    },
    event(name, fields) {
      if (mode === 'json') writeJson(name, fields);
    },
  };
}
