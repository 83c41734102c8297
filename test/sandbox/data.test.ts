import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { reportTypes } from '../../generated/report-parameters.js';
import { columnNames, generateChunks, generateRows, type ReportParams } from '../../src/sandbox/index.js';
import { DAY, JAN_1 } from './support/http.js';

const day: ReportParams = { startTime: JAN_1, endTime: JAN_1 + DAY };
const data = { seed: 7, rowsPerDay: 300, teams: 4, agents: 24 };

function text(
  type: (typeof reportTypes)[number],
  params: ReportParams,
  format: 'csv' | 'json',
  d = data,
): string {
  return Buffer.concat([...generateChunks(type, params, d, format)]).toString('utf8');
}

describe('generated data', () => {
  it.each(reportTypes)('%s: CSV and JSON carry exactly the rows generateRows describes', (type) => {
    const params = type === 'team_performance_interval' ? { ...day, timeInterval: 3_600_000 } : day;
    const rows = generateRows(type, params, data);
    expect(rows.length).toBeGreaterThan(0);
    const json = JSON.parse(text(type, params, 'json'));
    expect(Array.isArray(json)).toBe(true);
    for (const row of json) {
      expect(Object.values(row).every((v) => typeof v === 'string')).toBe(true);
    }
    expect(json).toEqual(rows);
    const csv = parse(text(type, params, 'csv'), { columns: true });
    expect(csv).toEqual(rows);
    expect(Object.keys(rows[0] as object)).toEqual(columnNames(type));
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const a = text('conversation', day, 'csv');
    expect(text('conversation', day, 'csv')).toBe(a);
    expect(text('conversation', day, 'csv', { ...data, seed: 8 })).not.toBe(a);
  });

  it('gives overlapping ranges the same rows', () => {
    const whole = generateRows('incoming_post', { startTime: JAN_1, endTime: JAN_1 + 2 * DAY }, data);
    const secondHalf = generateRows(
      'incoming_post',
      { startTime: JAN_1 + DAY, endTime: JAN_1 + 2 * DAY },
      data,
    );
    expect(whole.slice(whole.length - secondHalf.length)).toEqual(secondHalf);
  });

  it('has rowsPerDay rows per day, all inside [startTime, endTime)', () => {
    const start = JAN_1 + 3_600_000;
    const end = start + 3 * DAY;
    const rows = generateRows('combined', { startTime: start, endTime: end }, data);
    expect(rows).toHaveLength(900);
    for (const row of rows) {
      const t = Date.parse(row.POST_DATE as string);
      expect(t).toBeGreaterThanOrEqual(start - 999);
      expect(t).toBeLessThan(end);
    }
  });

  it('honours reportMetrics: subset, order, case-insensitive names, unknown names', () => {
    const full = generateRows('conversation', day, data);
    const picked = generateRows(
      'conversation',
      { ...day, reportMetrics: ['priority', 'CONVERSATION_ID', 'MY_CUSTOM'] },
      data,
    );
    expect(Object.keys(picked[0] as object)).toEqual(['priority', 'CONVERSATION_ID', 'MY_CUSTOM']);
    picked.forEach((row, i) => {
      expect(row.priority).toBe(full[i]?.PRIORITY);
      expect(row.CONVERSATION_ID).toBe(full[i]?.CONVERSATION_ID);
      expect(row.MY_CUSTOM).toMatch(/^\d+$/);
    });
    const csv = text('conversation', { ...day, reportMetrics: ['STATUS', 'CHANNEL'] }, 'csv');
    expect(csv.split('\n')[0]).toBe('STATUS,CHANNEL');
  });

  it('formats dates in UTC, in an IANA zone (DST-aware), or at a fixed offset — same instants', () => {
    const summer: ReportParams = { startTime: Date.UTC(2024, 6, 1), endTime: Date.UTC(2024, 6, 1, 6) };
    const winter: ReportParams = { startTime: JAN_1, endTime: JAN_1 + 6 * 3_600_000 };
    for (const [range, chicago] of [
      [winter, '-06:00'],
      [summer, '-05:00'],
    ] as const) {
      const utc = generateRows('response', range, data);
      const zoned = generateRows('response', { ...range, timezone: 'America/Chicago' }, data);
      const fixed = generateRows('response', { ...range, timezoneOffset: 3_600_000 }, data);
      utc.forEach((row, i) => {
        expect(row.RESPONSE_DATE).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
        expect(zoned[i]?.RESPONSE_DATE?.endsWith(chicago)).toBe(true);
        expect(fixed[i]?.RESPONSE_DATE?.endsWith('+01:00')).toBe(true);
        expect(Date.parse(zoned[i]?.RESPONSE_DATE as string)).toBe(Date.parse(row.RESPONSE_DATE as string));
        expect(Date.parse(fixed[i]?.RESPONSE_DATE as string)).toBe(Date.parse(row.RESPONSE_DATE as string));
      });
    }
    // Half-hour zones and the DST switch itself (2024-03-10 02:00 in Chicago).
    const india = generateRows('response', { ...winter, timezone: 'Asia/Kolkata' }, data);
    expect(india[0]?.RESPONSE_DATE).toMatch(/\+05:30$/);
    const dst = generateRows(
      'response',
      { startTime: Date.UTC(2024, 2, 10, 7), endTime: Date.UTC(2024, 2, 10, 9), timezone: 'America/Chicago' },
      data,
    );
    expect(new Set(dst.map((r) => r.RESPONSE_DATE?.slice(-6)))).toEqual(new Set(['-06:00', '-05:00']));
  });

  it('writes an offset with seconds rounded to a minute (half up), so each date still names its instant', () => {
    // Monrovia was 44 min 30 s behind UTC until 1972; a fixed offset may carry seconds too.
    const range: ReportParams = { startTime: Date.UTC(1971, 0, 1), endTime: Date.UTC(1971, 0, 1, 6) };
    const utc = generateRows('response', range, data);
    const monrovia = generateRows('response', { ...range, timezone: 'Africa/Monrovia' }, data);
    const fixed = generateRows('response', { ...range, timezoneOffset: 30_000 }, data);
    expect(utc.length).toBeGreaterThan(0);
    utc.forEach((row, i) => {
      expect(monrovia[i]?.RESPONSE_DATE).toMatch(/-00:44$/);
      expect(fixed[i]?.RESPONSE_DATE).toMatch(/\+00:01$/);
      expect(Date.parse(monrovia[i]?.RESPONSE_DATE as string)).toBe(Date.parse(row.RESPONSE_DATE as string));
      expect(Date.parse(fixed[i]?.RESPONSE_DATE as string)).toBe(Date.parse(row.RESPONSE_DATE as string));
    });
    const csv = parse(text('response', { ...range, timezone: 'Africa/Monrovia' }, 'csv'), { columns: true });
    expect(csv).toEqual(monrovia);
  });

  it('honours priorities, workqueueIds and teamIds', () => {
    const rows = generateRows('conversation', { ...day, priorities: [1, 4], workqueueIds: [901, 902] }, data);
    expect(new Set(rows.map((r) => r.PRIORITY))).toEqual(new Set(['1', '4']));
    expect(new Set(rows.map((r) => r.WORKQUEUE_ID))).toEqual(new Set(['901', '902']));
    const states = generateRows('raw_agent_states', { ...day, teamIds: [1002] }, data);
    expect(new Set(states.map((r) => r.team_id))).toEqual(new Set(['1002']));
    const perf = generateRows('team_performance', { ...day, teamIds: [1001, 1003] }, data);
    expect(new Set(perf.map((r) => r.team_id))).toEqual(new Set(['1001', '1003']));
  });

  it('honours conversationReportType', () => {
    const closed = generateRows('conversation', { ...day, conversationReportType: 'CLOSED' }, data);
    expect(closed.every((r) => r.STATUS === 'CLOSED' && r.CLOSED_DATE !== '')).toBe(true);
    const open = generateRows('conversation', { ...day, conversationReportType: 'OPEN_AT_END' }, data);
    expect(open.every((r) => r.STATUS !== 'CLOSED' && r.CLOSED_DATE === '')).toBe(true);
    expect(generateRows('conversation', day, data)).toEqual(open);
    const created = generateRows('conversation', { ...day, conversationReportType: 'CREATED' }, data);
    expect(created.some((r) => r.STATUS === 'CLOSED')).toBe(true);
    expect(created.every((r) => (r.STATUS === 'CLOSED') === (r.CLOSED_DATE !== ''))).toBe(true);
  });

  it('splits team_performance_interval into timeInterval buckets per agent', () => {
    const rows = generateRows('team_performance_interval', { ...day, timeInterval: 21_600_000 }, data);
    const enabledAgents = generateRows('team_performance', day, data).length;
    expect(rows).toHaveLength(4 * enabledAgents);
    const starts = [...new Set(rows.map((r) => Date.parse(r.interval_start_date as string)))];
    expect(starts).toEqual([0, 1, 2, 3].map((k) => JAN_1 + k * 21_600_000));
    expect(
      rows.every(
        (r) =>
          Date.parse(r.interval_end_date as string) - Date.parse(r.interval_start_date as string) ===
          21_600_000,
      ),
    ).toBe(true);
  });

  it('honours includeDisabled and the user report filters', () => {
    const enabled = generateRows('user', day, data);
    const all = generateRows('user', { ...day, includeDisabled: true }, data);
    expect(all.length).toBe(24);
    expect(enabled.length).toBeLessThan(all.length);
    expect(enabled.every((r) => r.ENABLED === 'true')).toBe(true);
    const some = generateRows('user', { ...day, teamId: [1001], agentId: [5001, 5002, 5005] }, data);
    expect(some.map((r) => r.USER_ID)).toEqual(['5001', '5005']);
  });

  it('quotes and escapes awkward values (commas, quotes, non-ASCII)', () => {
    const csvText = text('author', day, 'csv');
    const rows = generateRows('author', day, data);
    const names = new Set(rows.map((r) => r.AUTHOR_DISPLAY_NAME));
    expect(names.has('Smith, Jane')).toBe(true);
    expect(names.has('Mike "Mick" Ross')).toBe(true);
    expect(csvText).toContain('"Mike ""Mick"" Ross"');
    expect(JSON.parse(text('author', day, 'json'))).toEqual(rows);
    expect(
      rows.some((r) => Buffer.byteLength(r.AUTHOR_HANDLE as string) > (r.AUTHOR_HANDLE as string).length),
    ).toBe(true);
  });

  it('streams bounded chunks lazily', () => {
    const chunks = generateChunks(
      'conversation',
      { startTime: JAN_1, endTime: JAN_1 + 30 * DAY },
      { ...data, rowsPerDay: 20_000 },
      'csv',
    );
    let count = 0;
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThan(80 * 1024);
      if (++count === 5) break;
    }
    expect(count).toBe(5);
  });
});
