/**
 * `--from`/`--to` for whole UTC days shortly before today. Tests that do not test dates use it
 * so that they never drift past the API's 18-month retention (which would add a warning to
 * stderr and change what they observe).
 */
export function recentRange(fromDaysAgo: number, toDaysAgo: number): string[] {
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  return ['--from', day(fromDaysAgo), '--to', day(toDaysAgo)];
}
