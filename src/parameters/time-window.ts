/** Whole or partial calendar months a range touches (monthly buckets). */
export function monthsTouched(start: number, end: number): number {
  const a = new Date(start);
  const b = new Date(end - 1);
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth()) + 1;
}

export const iso = (ms: number) => new Date(ms).toISOString();
