// ca.sync() against the sandbox: from `since` to the end of the last whole day, one file per
// window; a second run with nothing new starts no job; a bookmark moved back one window brings
// exactly that window and the open one again; a new day re-exports only the open window.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CareAnalytics, createCareAnalytics, type SyncState, ValidationError } from '../../src/index.js';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';

const DAY = 86_400_000;
const today = new Date();
const monthStart = (back: number) => Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 1);
// "Now" is noon on the 11th of last month: the open window is last month, up to the 11th.
const now = monthStart(1) + 10 * DAY + 12 * 3_600_000;
const fast = { pollIntervalMs: 5, maxPollIntervalMs: 20 };

let sb: Sandbox;
let ca: CareAnalytics;
let dir: string;
beforeAll(async () => {
  sb = await startSandbox({
    rowsPerDay: 12,
    jobDurationMs: 10,
    seed: 9,
    requestLogLimit: Number.POSITIVE_INFINITY,
  });
  ca = createCareAnalytics({ baseUrl: sb.url, ...sb.credentials, onWarning: () => {} });
  dir = mkdtempSync(join(tmpdir(), 'ca-sync-'));
});
afterAll(async () => {
  await sb?.close();
  rmSync(dir, { recursive: true, force: true });
});

const runCalls = () => sb.requests.filter((r) => r.route === 'run');
const label = (ms: number) => new Date(ms).toISOString().slice(0, 7);

describe('sync', () => {
  let state: SyncState;

  it('first run: since → end of yesterday, one file per window, bookmark at the open window', async () => {
    const saved: SyncState[] = [];
    const result = await ca.sync({
      types: ['conversation', 'response'],
      out: dir,
      since: monthStart(3),
      now,
      format: 'json',
      onState: (s) => saved.push(s),
      ...fast,
    });
    expect(result.upToDate).toBe(false);
    expect(runCalls()).toHaveLength(6);
    const conversation = result.windows
      .filter((w) => w.type === 'conversation')
      .sort((a, b) => a.startTime - b.startTime);
    expect(conversation.map((w) => [w.label, w.open])).toEqual([
      [label(monthStart(3)), false],
      [label(monthStart(2)), false],
      [label(monthStart(1)), true],
    ]);
    const open = conversation[2];
    expect(open?.endTime).toBe(monthStart(1) + 10 * DAY);
    for (const w of conversation) {
      const rows = JSON.parse(readFileSync(join(dir, 'conversation', `${w.label}.json`), 'utf8'));
      expect(rows).toEqual(sb.generateRows('conversation', { startTime: w.startTime, endTime: w.endTime }));
    }
    state = result.state;
    expect(state.types.conversation).toEqual({
      bookmark: new Date(monthStart(1)).toISOString(),
      exportedUntil: new Date(monthStart(1) + 10 * DAY).toISOString(),
    });
    expect(saved.length).toBeGreaterThan(0);
    expect(saved.at(-1)).toEqual(state);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('second run the same day: no job, up to date', async () => {
    const before = runCalls().length;
    const result = await ca.sync({
      types: ['conversation', 'response'],
      out: dir,
      state,
      now,
      format: 'json',
      ...fast,
    });
    expect(result.upToDate).toBe(true);
    expect(result.windows).toEqual([]);
    expect(runCalls().length).toBe(before);
    expect(result.state).toEqual(state);
  });

  it('bookmark moved back one window: exactly that window and the open one again', async () => {
    const before = runCalls().length;
    const moved: SyncState = {
      ...state,
      types: {
        ...state.types,
        conversation: {
          exportedUntil: state.types.conversation?.exportedUntil ?? '',
          bookmark: new Date(monthStart(2)).toISOString(),
        },
      },
    };
    const result = await ca.sync({
      types: ['conversation', 'response'],
      out: dir,
      state: moved,
      now,
      format: 'json',
      ...fast,
    });
    expect(runCalls().length - before).toBe(2);
    expect(result.windows.map((w) => `${w.type} ${w.label}`).sort()).toEqual(
      [`conversation ${label(monthStart(2))}`, `conversation ${label(monthStart(1))}`].sort(),
    );
    expect(result.state).toEqual(state);
  });

  it('a day later: only the open window again, its file replaced; lookback adds the window before', async () => {
    const before = runCalls().length;
    const later = await ca.sync({
      types: ['conversation'],
      out: dir,
      state,
      now: now + DAY,
      format: 'json',
      ...fast,
    });
    expect(later.windows.map((w) => w.label)).toEqual([label(monthStart(1))]);
    expect(runCalls().length - before).toBe(1);
    const rows = JSON.parse(readFileSync(join(dir, 'conversation', `${label(monthStart(1))}.json`), 'utf8'));
    expect(rows).toEqual(
      sb.generateRows('conversation', { startTime: monthStart(1), endTime: monthStart(1) + 11 * DAY }),
    );
    const withLookback = await ca.sync({
      types: ['conversation'],
      out: dir,
      state: later.state,
      now: now + 2 * DAY,
      lookbackMs: 20 * DAY,
      format: 'json',
      ...fast,
    });
    expect(withLookback.windows.map((w) => w.label).sort()).toEqual(
      [label(monthStart(2)), label(monthStart(1))].sort(),
    );
    expect(withLookback.state.types.conversation?.bookmark).toBe(new Date(monthStart(1)).toISOString());
  });

  it('a type without bookmark and no since is refused before any request', async () => {
    const before = sb.requests.length;
    await expect(ca.sync({ types: ['author'], out: dir, state, now })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(sb.requests.length).toBe(before);
  });
});
