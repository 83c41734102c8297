import { UsageError } from '../errors/usage-error.js';

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90s`, `30m`, `2h`, `1d` (or plain milliseconds) → milliseconds, for `--timeout`. */
export function parseDuration(text: string, flag: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/i.exec(text);
  const value = Number(match?.[1]);
  const ms = value * (UNIT_MS[(match?.[2] ?? 'ms').toLowerCase()] ?? Number.NaN);
  if (!match || !Number.isFinite(ms) || ms <= 0) {
    throw new UsageError(`${flag}: '${text}' is not a duration; use e.g. 90s, 30m, 2h or 1d`, flag);
  }
  return Math.round(ms);
}
