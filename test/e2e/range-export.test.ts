// reports.exportRange() against the sandbox: a 13-month conversation export in every format
// equals, row for row, the sandbox's own rows for the whole range; partitioned files match per
// window; an interrupted export, run again, ends byte-identical to an uninterrupted one.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CareAnalytics,
  createCareAnalytics,
  RangeExportError,
  type RangeProgress,
  type ValidationWarning,
} from '../../src/index.js';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';

const now = new Date();
// The 13 whole calendar months (UTC) before the current one.
const endTime = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
const startTime = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 13, 1);
const range = { startTime, endTime };
const fast = { pollIntervalMs: 5, maxPollIntervalMs: 20 };

let sb: Sandbox;
let ca: CareAnalytics;
let dir: string;
const warnings: ValidationWarning[] = [];
beforeAll(async () => {
  sb = await startSandbox({
    rowsPerDay: 24,
    jobDurationMs: 15,
    seed: 7,
    requestLogLimit: Number.POSITIVE_INFINITY,
  });
  ca = createCareAnalytics({ baseUrl: sb.url, ...sb.credentials, onWarning: (w) => warnings.push(w) });
  dir = mkdtempSync(join(tmpdir(), 'ca-range-'));
});
afterAll(async () => {
  await sb?.close();
  rmSync(dir, { recursive: true, force: true });
});

const runCalls = () => sb.requests.filter((r) => r.route === 'run').length;

function rowsOfFile(path: string, format: 'csv' | 'json' | 'ndjson'): Record<string, string>[] {
  const text = readFileSync(path, 'utf8');
  if (format === 'csv') return parse(text, { columns: true, bom: true }) as Record<string, string>[];
  if (format === 'json') return JSON.parse(text) as Record<string, string>[];
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, string>);
}

describe('exportRange against the sandbox', () => {
  it.each(['csv', 'json', 'ndjson'] as const)(
    '13 months of conversation as merged %s equal generateRows',
    async (format) => {
      const out = join(dir, `merged.${format}`);
      const before = runCalls();
      const result = await ca.reports.exportRange(
        'conversation',
        { ...range, ...(format === 'csv' ? { reportFormat: 'csv' } : {}) },
        { out, format, ...fast },
      );
      expect(result.windows).toHaveLength(13);
      expect(runCalls() - before).toBe(13);
      const expected = sb.generateRows('conversation', {
        ...range,
        reportFormat: format === 'csv' ? 'csv' : 'json',
      });
      const rows = rowsOfFile(out, format);
      expect(rows.length).toBe(expected.length);
      expect(rows).toEqual(expected);
      expect(result.rows).toBe(expected.length);
      if (format === 'csv')
        expect(readFileSync(out, 'utf8').match(/^CONVERSATION_ID/gm)?.length ?? 0).toBeLessThanOrEqual(1);
      // Done: only the output and its manifest remain, and a rerun starts nothing.
      expect(readdirSync(dir).filter((f) => f.startsWith(`.merged.${format}`))).toEqual([]);
      const again = await ca.reports.exportRange(
        'conversation',
        { ...range, ...(format === 'csv' ? { reportFormat: 'csv' } : {}) },
        { out, format, ...fast },
      );
      expect(again.kept).toBe(13);
      expect(runCalls() - before).toBe(13);
      console.info(`${format}: ${rows.length} rows compared over 13 windows`);
    },
  );

  it('partitioned: one file per window, each equal to the window rows, plus a manifest', async () => {
    const out = join(dir, 'parts');
    const result = await ca.reports.exportRange(
      'conversation',
      { ...range, reportFormat: 'csv' },
      {
        out,
        partition: true,
        ...fast,
      },
    );
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.windows).toHaveLength(13);
    for (const w of result.windows) {
      expect(w.state).toBe('done');
      const file = join(out, w.file ?? '');
      expect(w.file).toBe(`conversation_${w.label}.csv`);
      const expected = sb.generateRows('conversation', {
        startTime: w.startTime,
        endTime: w.endTime,
        reportFormat: 'csv',
      });
      expect(rowsOfFile(file, 'csv')).toEqual(expected);
      expect(w.rows).toBe(expected.length);
    }
    // Windows are consecutive: no overlap, no gap.
    result.windows.forEach((w, i) => {
      expect(w.startTime).toBe(i === 0 ? startTime : result.windows[i - 1]?.endTime);
    });
    expect(result.windows.at(-1)?.endTime).toBe(endTime);
  });

  it('interrupted after 4 windows, run again: byte-identical, no window started twice', async () => {
    const whole = join(dir, 'whole.csv');
    const params = { ...range, reportFormat: 'csv' as const };
    await ca.reports.exportRange('conversation', params, { out: whole, ...fast });
    const out = join(dir, 'resumed.csv');
    const before = runCalls();
    const controller = new AbortController();
    const events: RangeProgress[] = [];
    await expect(
      ca.reports.exportRange('conversation', params, {
        out,
        ...fast,
        signal: controller.signal,
        onProgress: (p) => {
          events.push(p);
          if (p.done === 4) controller.abort();
        },
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(existsSync(out)).toBe(false);
    const saved = JSON.parse(readFileSync(`${out}.manifest.json`, 'utf8'));
    const doneBefore = saved.windows.filter((w: { state: string }) => w.state === 'done').length;
    expect(doneBefore).toBeGreaterThanOrEqual(4);
    const resumed = await ca.reports.exportRange('conversation', params, { out, ...fast });
    expect(resumed.kept).toBe(doneBefore);
    expect(readFileSync(out).equals(readFileSync(whole))).toBe(true);
    expect(runCalls() - before).toBe(13);
    expect(events.some((e) => e.event === 'started' && e.running > 0)).toBe(true);
  });

  it('refuses a different command on the same output', async () => {
    const out = join(dir, 'owned.csv');
    await ca.reports.exportRange('conversation', { ...range, reportFormat: 'csv' }, { out, ...fast });
    const error = await ca.reports
      .exportRange(
        'conversation',
        { ...range, reportFormat: 'csv', conversationReportType: 'CLOSED' },
        { out },
      )
      .catch((e) => e);
    expect(error).toBeInstanceOf(RangeExportError);
    expect(error.code).toBe('output-in-use');
    expect(error.message).toContain('belongs to a different export');
  });

  it('warns once, before any job, about windows older than the retention', async () => {
    warnings.length = 0;
    const before = runCalls();
    const old = Date.UTC(now.getUTCFullYear() - 2, 0, 1);
    const controller = new AbortController();
    controller.abort();
    await ca.reports
      .exportRange(
        'conversation',
        { startTime: old, endTime: Date.UTC(now.getUTCFullYear() - 2, 3, 1) },
        {
          out: join(dir, 'old.json'),
          signal: controller.signal,
        },
      )
      .catch(() => {});
    expect(runCalls()).toBe(before);
    expect(warnings.map((w) => w.code)).toEqual(['data-retention']);
    expect(warnings[0]?.message).toMatch(/^3 of 3 windows \(\d{4}-01, \d{4}-02, \d{4}-03\)/);
  });
});
