import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration } from '../../../src/cli/progress/format.js';
import { describe as describeLine, progressMode } from '../../../src/cli/progress/progress.js';
import { createProgress } from '../../../src/cli/progress/reporter.js';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns: 200, write: (text: string) => writes.push(text) } };
}

function fakeClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('progress line', () => {
  it('shows phase, elapsed time and polls while waiting', () => {
    expect(
      describeLine(
        { phase: 'waiting', reportType: 'conversation', polls: 3, currentCount: 120, totalCount: 500 },
        4_200,
      ),
    ).toBe('conversation · waiting · 4.2 s · 3 polls · 120 / 500 processed');
  });

  it('says when the client is about to retry', () => {
    expect(
      describeLine(
        {
          phase: 'waiting',
          reportType: 'conversation',
          polls: 3,
          retrying: 'retrying after HTTP 429 in 2 s',
        },
        4_200,
      ),
    ).toBe('conversation · waiting · 4.2 s · 3 polls · retrying after HTTP 429 in 2 s');
  });

  it('shows bytes, total, rate and rows while downloading', () => {
    expect(
      describeLine(
        { phase: 'downloading', bytes: 12_300_000, totalBytes: 40_000_000, rows: 52_100 },
        65_000,
        8_100_000,
      ),
    ).toBe('downloading · 1 min 05 s · 12.3 MB / 40.0 MB · 8.1 MB/s · 52,100 rows');
  });

  it('formats sizes and durations for people', () => {
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1_500)).toBe('1.5 KB');
    expect(formatDuration(400)).toBe('0.4 s');
    expect(formatDuration(3_725_000)).toBe('1 h 02 min');
  });

  it('picks the mode from the flags and the stream', () => {
    expect(progressMode({}, { isTTY: true, write: () => true })).toBe('tty');
    expect(progressMode({}, { isTTY: false, write: () => true })).toBe('plain');
    expect(progressMode({ quiet: true }, { isTTY: true, write: () => true })).toBe('quiet');
    expect(progressMode({ jsonLog: true, quiet: true }, { isTTY: true, write: () => true })).toBe('json');
  });
});

describe('createProgress', () => {
  it('tty: redraws one line in place and clears it on stop', () => {
    const { writes, stream } = fakeStream(true);
    const clock = fakeClock();
    const progress = createProgress('tty', stream, clock.now);
    progress.update({ phase: 'waiting', reportType: 'conversation', polls: 1 });
    clock.advance(200);
    progress.update({ polls: 2 });
    progress.stop();
    expect(writes.every((text) => text.startsWith('\r\x1b[2K'))).toBe(true);
    expect(writes.some((text) => text.includes('2 polls'))).toBe(true);
    expect(writes.join('')).not.toContain('\n');
    expect(writes.at(-1)).toBe('\r\x1b[2K');
  });

  it('plain: one line per phase, then at most one every few seconds', () => {
    const { writes, stream } = fakeStream(false);
    const clock = fakeClock();
    const progress = createProgress('plain', stream, clock.now);
    progress.update({ phase: 'waiting', polls: 1 });
    clock.advance(1_000);
    progress.update({ polls: 2 });
    clock.advance(5_000);
    progress.update({ polls: 3 });
    progress.update({ phase: 'downloading', bytes: 0 });
    progress.stop();
    expect(writes).toHaveLength(3);
    expect(writes.every((line) => line.endsWith('\n') && !line.includes('\r'))).toBe(true);
    expect(writes[1]).toContain('3 polls');
    expect(writes[2]).toContain('downloading');
  });

  it('json: one parseable event per line, every poll included', () => {
    const { writes, stream } = fakeStream(false);
    const clock = fakeClock();
    const progress = createProgress('json', stream, clock.now);
    progress.update({ phase: 'waiting', polls: 1 });
    progress.update({ polls: 2 });
    clock.advance(1_500);
    progress.update({ phase: 'downloading', bytes: 3_000, totalBytes: 6_000, rows: 10 });
    progress.event('done', { rows: 10 });
    const events = writes.map((line) => JSON.parse(line));
    expect(events.map((event) => event.event)).toEqual(['progress', 'progress', 'progress', 'done']);
    expect(events[1]).toMatchObject({ phase: 'waiting', polls: 2, elapsedMs: 0 });
    expect(events[2]).toMatchObject({
      phase: 'downloading',
      bytes: 3_000,
      totalBytes: 6_000,
      rows: 10,
      elapsedMs: 1_500,
    });
    expect(events[3]).toMatchObject({ event: 'done', rows: 10 });
  });

  it('quiet: nothing at all', () => {
    const { writes, stream } = fakeStream(true);
    const progress = createProgress('quiet', stream);
    progress.update({ phase: 'waiting', polls: 1 });
    progress.event('done', {});
    progress.stop();
    expect(writes).toEqual([]);
  });
});
