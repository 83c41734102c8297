import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RangeExportError, ValidationError } from '../../../src/index.js';
import { cutWindows } from '../../../src/internal/range/calendar.js';
import { mergeWindowFiles } from '../../../src/internal/range/merge.js';

const chicago = 'America/Chicago';
const at = (text: string) => Date.parse(text);

describe('cutWindows', () => {
  it('cuts months at midnight in the zone, clipping the first and last, across DST', () => {
    const windows = cutWindows(at('2026-01-15T06:00:00Z'), at('2026-04-10T05:00:00Z'), 'month', chicago);
    expect(windows.map((w) => w.label)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(windows.map((w) => new Date(w.endTime).toISOString())).toEqual([
      '2026-02-01T06:00:00.000Z',
      '2026-03-01T06:00:00.000Z',
      '2026-04-01T05:00:00.000Z', // CDT from 8 March
      '2026-04-10T05:00:00.000Z',
    ]);
    windows.slice(1).forEach((w, i) => {
      expect(w.startTime).toBe(windows[i]?.endTime);
    });
  });

  it('weeks start on Monday, days at local midnight, quarters on Jan/Apr/Jul/Oct', () => {
    const weeks = cutWindows(at('2026-11-04T00:00:00Z'), at('2026-11-20T00:00:00Z'), 'week', 0);
    expect(weeks.map((w) => w.label)).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
    expect(new Date(weeks[1]?.startTime ?? 0).toISOString()).toBe('2026-11-09T00:00:00.000Z');
    const days = cutWindows(at('2026-03-07T06:00:00Z'), at('2026-03-10T05:00:00Z'), 'day', chicago);
    expect(days.map((w) => (w.endTime - w.startTime) / 3_600_000)).toEqual([24, 23, 24]);
    const quarters = cutWindows(at('2025-02-01T00:00:00Z'), at('2026-01-01T00:00:00Z'), 'quarter', 0);
    expect(quarters.map((w) => w.label)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    const offset = cutWindows(at('2026-01-31T18:30:00Z'), at('2026-02-02T00:00:00Z'), 'day', 19_800_000);
    expect(offset.map((w) => w.label)).toEqual(['2026-02-01', '2026-02-02']);
  });

  it('refuses a quarter longer than 3 UTC months (DST ends inside it)', () => {
    expect(() =>
      cutWindows(at('2026-10-01T05:00:00Z'), at('2027-01-01T06:00:00Z'), 'quarter', chicago),
    ).toThrow(ValidationError);
  });
});

describe('mergeWindowFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ca-merge-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return { label: name, path: join(dir, name) };
  };

  it('keeps one CSV header, skips empty windows, and adds a missing final newline', async () => {
    const files = [file('a', 'X,Y\r\n1,2\r\n'), file('b', ''), file('c', 'X,Y\r\n'), file('d', 'X,Y\r\n3,4')];
    files.push(file('e', 'X,Y\r\n5,6\r\n'));
    await mergeWindowFiles(files, 'csv', join(dir, 'out.csv'));
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('X,Y\r\n1,2\r\n3,4\n5,6\r\n');
  });

  it('names the windows whose CSV headers differ', async () => {
    const error = await mergeWindowFiles(
      [file('2026-01', 'X,Y\n1,2\n'), file('2026-02', 'X,Z\n1,2\n')],
      'csv',
      join(dir, 'bad.csv'),
    ).catch((e) => e);
    expect(error).toBeInstanceOf(RangeExportError);
    expect(error.windows).toEqual(['2026-01', '2026-02']);
    expect(error.message).toContain('2026-01 and 2026-02');
  });

  it('joins JSON arrays into one, empty ones included', async () => {
    const files = [
      file('j1', '[]'),
      file('j2', '[{"a":"1"}\n,{"a":"2"}]\n'),
      file('j3', ' [ ] '),
      file('j4', '[{"a":"3"}]'),
    ];
    await mergeWindowFiles(files, 'json', join(dir, 'out.json'));
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'))).toEqual([
      { a: '1' },
      { a: '2' },
      { a: '3' },
    ]);
    await mergeWindowFiles([files[0] as never, files[2] as never], 'json', join(dir, 'empty.json'));
    expect(readFileSync(join(dir, 'empty.json'), 'utf8')).toBe('[]');
  });
});
