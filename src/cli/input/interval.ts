import { MONTHLY_TIME_INTERVAL, WEEK_MS } from '../../time/index.js';
import { UsageError } from '../errors/usage-error.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The vendor's `timeInterval` values (docs/vendor-notes.md §3). The API takes any value above one
 * week as calendar-month buckets, so the number sent for `month` never sets a bucket's length; the CLI
 * sends 30 days, the value the typed client offers, so both spell "monthly" the same way.
 */
export const intervals: Readonly<Record<string, number>> = {
  '5m': 5 * MINUTE,
  '10m': 10 * MINUTE,
  '15m': 15 * MINUTE,
  '30m': 30 * MINUTE,
  '1h': HOUR,
  '2h': 2 * HOUR,
  '4h': 4 * HOUR,
  '8h': 8 * HOUR,
  '12h': 12 * HOUR,
  '1d': DAY,
  '1w': WEEK_MS,
  month: MONTHLY_TIME_INTERVAL,
};

const aliases: Readonly<Record<string, string>> = {
  '60m': '1h',
  '120m': '2h',
  '24h': '1d',
  '7d': '1w',
  '1mo': 'month',
  monthly: 'month',
};

/**
 * `15m`, `1h`, `1d`, `1w`, `month` (or a raw millisecond value) → milliseconds. Only text is
 * judged here; whether a number is an allowed interval is the client's rule.
 */
export function parseInterval(text: string): number {
  const key = text.trim().toLowerCase();
  const value = intervals[aliases[key] ?? key];
  if (value !== undefined) return value;
  if (/^\d+$/.test(key) && Number.isSafeInteger(Number(key))) return Number(key);
  throw new UsageError(
    `--interval: '${text}' is not an interval the API supports; use one of ${Object.keys(intervals).join(', ')}`,
    '--interval',
  );
}
