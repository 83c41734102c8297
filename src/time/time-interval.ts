import type { components } from '../../generated/schema.js';

/**
 * One week in ms: the widest fixed bucket; any timeInterval above it means monthly buckets
 * (docs/vendor-notes.md §3).
 */
export const WEEK_MS = 604_800_000;

/**
 * The conventional monthly value, 30 days. The API reads every value above a week as "calendar
 * months", so the number itself never sets a bucket's length; 30 days reads as "a month" in logs.
 */
export const MONTHLY_TIME_INTERVAL = 2_592_000_000;

/** Whether a timeInterval asks for calendar-month buckets. */
export const isMonthlyInterval = (ms: number): boolean => ms > WEEK_MS;

/**
 * What the typed client accepts for `timeInterval`: a fixed width from the spec, or the
 * conventional monthly value. "Any integer above a week" has no TypeScript spelling short of
 * `number`, which would also let a typo such as `120_000` compile; every monthly value means the
 * same, so the type offers one and runtime validation accepts them all.
 */
export type TimeInterval = components['schemas']['FixedTimeInterval'] | typeof MONTHLY_TIME_INTERVAL;
