import { describe, expect, it } from 'vitest';
import { generateRows, type ReportParams } from '../../src/sandbox/index.js';
import { call, caller, runToText, wire } from './support/http.js';
import { sandboxPerTest } from './support/per-test.js';

// Brief §3: any timeInterval above one week means calendar-month buckets.
const MONTHLY = 2_592_000_000;
const data = { seed: 7, rowsPerDay: 300, teams: 4, agents: 24 };
const fresh = sandboxPerTest();

/** Distinct [start, end] instants of the buckets, and the rows per bucket. */
function buckets(params: ReportParams) {
  const rows = generateRows('team_performance_interval', params, data);
  const seen = new Map<string, number>();
  for (const row of rows) {
    const key = `${Date.parse(row.interval_start_date as string)} ${Date.parse(row.interval_end_date as string)}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const agents = generateRows('team_performance', params, data).length;
  return {
    spans: [...seen.keys()].map((key) => key.split(' ').map((ms) => new Date(Number(ms)).toISOString())),
    perBucket: [...new Set(seen.values())],
    agents,
  };
}

const iso = (...parts: [number, number, number, number?]) =>
  new Date(Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3] ?? 0)).toISOString();

describe('monthly team_performance_interval buckets', () => {
  it('gives one row per agent per UTC calendar month, clipped to the range', () => {
    const { spans, perBucket, agents } = buckets({
      startTime: Date.UTC(2024, 0, 15),
      endTime: Date.UTC(2024, 3, 10),
      timeInterval: MONTHLY,
    });
    expect(spans).toEqual([
      [iso(2024, 1, 15), iso(2024, 2, 1)],
      [iso(2024, 2, 1), iso(2024, 3, 1)], // 29 days: 2024 is a leap year
      [iso(2024, 3, 1), iso(2024, 4, 1)],
      [iso(2024, 4, 1), iso(2024, 4, 10)],
    ]);
    expect(perBucket).toEqual([agents]);
  });

  it('treats every value above a week alike, and a week itself as a fixed width', () => {
    const range = { startTime: Date.UTC(2024, 0, 1), endTime: Date.UTC(2024, 3, 1) };
    const monthly = buckets({ ...range, timeInterval: MONTHLY }).spans;
    expect(monthly).toHaveLength(3);
    expect(buckets({ ...range, timeInterval: 604_800_001 }).spans).toEqual(monthly);
    expect(buckets({ ...range, timeInterval: 604_800_000 }).spans).toHaveLength(13);
  });

  it('follows the calendar months of the requested time zone, DST included', () => {
    const { spans } = buckets({
      startTime: Date.UTC(2024, 1, 1, 5),
      endTime: Date.UTC(2024, 4, 1, 4),
      timeInterval: MONTHLY,
      timezone: 'America/New_York',
    });
    // Local midnight on the 1st: 05:00Z in EST, 04:00Z in EDT (from 10 March).
    expect(spans).toEqual([
      [iso(2024, 2, 1, 5), iso(2024, 3, 1, 5)],
      [iso(2024, 3, 1, 5), iso(2024, 4, 1, 4)],
      [iso(2024, 4, 1, 4), iso(2024, 5, 1, 4)],
    ]);
  });

  it('follows a fixed timezoneOffset when no time zone is named', () => {
    const { spans } = buckets({
      startTime: Date.UTC(2024, 0, 31, 23),
      endTime: Date.UTC(2024, 2, 15),
      timeInterval: MONTHLY,
      timezoneOffset: 3_600_000,
    });
    expect(spans).toEqual([
      [iso(2024, 1, 31, 23), iso(2024, 2, 29, 23)],
      [iso(2024, 2, 29, 23), iso(2024, 3, 15)],
    ]);
  });

  it('runs a monthly export over HTTP, and rejects a sub-week value off the list in the vendor form', async () => {
    const sb = await fresh();
    const c = caller(sb);
    const quarter = { startTime: Date.UTC(2024, 0, 1), endTime: Date.UTC(2024, 3, 1) };
    const rows = JSON.parse(
      await runToText(c, 'team_performance_interval', { ...quarter, timeInterval: MONTHLY }),
    ) as Record<string, string>[];
    const starts = new Set(rows.map((r) => Date.parse(r.interval_start_date as string)));
    expect([...starts]).toEqual([Date.UTC(2024, 0, 1), Date.UTC(2024, 1, 1), Date.UTC(2024, 2, 1)]);
    for (const timeInterval of [120_000, 604_799_999]) {
      const res = await call(c, 'POST', '/reports/report/team_performance_interval', {
        query: wire({ ...quarter, timeInterval }),
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status: 'FAIL', request: null });
      expect(res.body.message).toBe(
        "Invalid parameter 'timeInterval': must be equal to one of the allowed values: 300000, 600000, " +
          '900000, 1800000, 3600000, 7200000, 14400000, 28800000, 43200000, 86400000, 604800000, or above 604800000',
      );
    }
  });
});
