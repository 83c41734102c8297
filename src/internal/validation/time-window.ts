/** Calendar arithmetic in UTC, the API's own frame for startTime/endTime. */
export function addUtcMonths(ms: number, months: number): number {
  const date = new Date(ms);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.getTime();
}

/** Whole or partial calendar months a range touches (monthly buckets). */
export function monthsTouched(start: number, end: number): number {
  const a = new Date(start);
  const b = new Date(end - 1);
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth()) + 1;
}

export const iso = (ms: number) => new Date(ms).toISOString();
