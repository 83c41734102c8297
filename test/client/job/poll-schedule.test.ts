import { describe, expect, it } from 'vitest';
import {
  defaultPollSchedule,
  LADDER,
  ladderTime,
  PollPlanner,
  type PollSchedule,
} from '../../../src/internal/job/poll-schedule.js';

// A simulated clock: the planner says when it polls, the simulated job answers as of that time,
// and the wait ends at the first poll at or after the job's end. No timers, no machine speed.

type Counts = (at: number) => { current: number | null; total: number | null };

const linear =
  (durationMs: number, total = 10_000, startMs = 0): Counts =>
  (at) => ({ current: Math.floor((total * Math.max(0, at - startMs)) / (durationMs - startMs)), total });
const nullCounts: Counts = () => ({ current: null, total: null });

function simulate(durationMs: number, counts: Counts, schedule: PollSchedule = defaultPollSchedule) {
  const planner = new PollPlanner(schedule);
  const times: number[] = [];
  for (;;) {
    const at = planner.nextPollAt();
    times.push(at);
    if (at >= durationMs) return { polls: times.length, lateness: at / durationMs, times };
    const { current, total } = counts(at);
    planner.observe(at, current, total);
    if (times.length > 1_000) throw new Error('never finished');
  }
}

/** The geometric schedule this replaced (1 s × 1.5^n, capped at 30 s): polls to see a job of `ms`. */
function geometricPolls(ms: number): number {
  let at = 0;
  for (let poll = 0; ; poll++) {
    at += Math.min(30_000, 1_000 * 1.5 ** poll);
    if (at >= ms) return poll + 1;
  }
}

const lengths = [2_000, 10_000, 30_000, 60_000];

describe('poll ladder (counts null, or pollTiming ladder)', () => {
  it('polls just after 1, 2, 3, 5, 10, 20, 30, 45, 60 s, then every 30 s', () => {
    const times = Array.from({ length: 12 }, (_, poll) => ladderTime(poll, defaultPollSchedule));
    expect(times).toEqual([...LADDER.map((rung) => rung * 1_020), 91_200, 121_200, 151_200]);
  });

  it('never leaves a gap longer than maxPollIntervalMs', () => {
    const schedule = { ...defaultPollSchedule, maxIntervalMs: 4_000 };
    const times = Array.from({ length: 20 }, (_, poll) => ladderTime(poll, schedule));
    const gaps = times.map((t, i) => t - (times[i - 1] ?? 0));
    expect(Math.max(...gaps)).toBe(4_000);
    expect(gaps.every((gap) => gap > 0)).toBe(true);
  });

  it('with a small first interval, keeps growing past the last rung instead of jumping to the cap', () => {
    // pollIntervalMs: 1 (tests) on a slow machine: past 61 ms the next poll must not be 30 s away.
    const schedule = { ...defaultPollSchedule, initialIntervalMs: 1 };
    const times = Array.from({ length: 12 }, (_, poll) => ladderTime(poll, schedule));
    expect(times.slice(9).map((t) => Math.round(t * 10) / 10)).toEqual([91.8, 137.7, 206.6]);
  });

  it.each(lengths)('sees a %i ms job ≤ 1.10× late with no more polls than the geometric schedule', (ms) => {
    const result = simulate(ms, nullCounts);
    expect(result.lateness).toBeLessThanOrEqual(1.1);
    expect(result.polls).toBeLessThanOrEqual(geometricPolls(ms));
  });

  it('costs 2 / 5 / 7 / 9 polls for jobs of 2 / 10 / 30 / 60 s', () => {
    expect(lengths.map((ms) => simulate(ms, nullCounts).polls)).toEqual([2, 5, 7, 9]);
  });

  it('after a failed poll, goes on from the rung after it (no burst of polls)', () => {
    const planner = new PollPlanner(defaultPollSchedule);
    expect(planner.nextPollAt()).toBe(1_020);
    planner.failed(1_500); // the poll made at 1.02 s failed, answered at 1.5 s
    expect(planner.nextPollAt()).toBe(2_040);
    planner.failed(2_600);
    expect(planner.nextPollAt()).toBe(3_060);
  });

  it('for a job resumed long after its start, polls at once, then on the first rung after that poll', () => {
    // Times count from the job's start: a job resumed 10 min in is polled at once (its first rung,
    // 1.02 s, has passed); the rungs then run 61.2 s + n × 30 s, so the next is 10 min 1.2 s.
    const planner = new PollPlanner(defaultPollSchedule);
    expect(planner.nextPollAt()).toBe(1_020);
    planner.observe(600_000, null, null);
    expect(planner.nextPollAt()).toBe(601_200);
    planner.observe(601_300, null, null);
    expect(planner.nextPollAt()).toBe(631_200);
  });

  it('skips the passed rungs of a job resumed after 30 days in one step, on the same 30 s grid', () => {
    const planner = new PollPlanner(defaultPollSchedule);
    planner.nextPollAt();
    const month = 30 * 86_400_000;
    planner.observe(month, null, null);
    const next = planner.nextPollAt();
    expect(next).toBeGreaterThan(month);
    expect(next - month).toBeLessThanOrEqual(30_000);
    expect((next - 61_200) % 30_000).toBe(0);
  });

  it("ignores moving counts under pollTiming 'ladder'", () => {
    const ladder = { ...defaultPollSchedule, timing: 'ladder' as const };
    expect(simulate(60_000, linear(60_000), ladder).times).toEqual(simulate(60_000, nullCounts).times);
  });
});

describe('polls aimed at the finish that moving counts predict', () => {
  it.each(lengths)('sees a %i ms job ≤ 1.05× late, in fewer polls than the ladder', (ms) => {
    const result = simulate(ms, linear(ms));
    expect(result.lateness).toBeLessThanOrEqual(1.05);
    expect(result.polls).toBeLessThanOrEqual(simulate(ms, nullCounts).polls);
  });

  it('sees a one-hour job in 1.03× its length with a poll at least every 30 s', () => {
    const result = simulate(3_600_000, linear(3_600_000));
    expect(result.lateness).toBeLessThanOrEqual(1.03);
    const gaps = result.times.map((t, i) => t - (result.times[i - 1] ?? 0));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(30_000);
  });

  it('does not take the rate across a queued start (counts 0 until the job runs)', () => {
    // Queued 20 s, then runs 10 s: a rate from 0 would put the finish far too late.
    const result = simulate(30_000, linear(30_000, 10_000, 20_000));
    expect(result.lateness).toBeLessThanOrEqual(1.1);
  });

  it('backs off when the counts reach the total before the job closes', () => {
    // Counts at the total from 10 s on; the job closes at 40 s.
    const result = simulate(40_000, (at) => ({ current: Math.min(10_000, Math.floor(at)), total: 10_000 }));
    const late = result.times.filter((t) => t > 10_000);
    const gaps = late.slice(1).map((t, i) => t - (late[i] as number));
    expect(gaps).toEqual([...gaps].sort((a, b) => a - b));
    expect(result.polls).toBeLessThanOrEqual(geometricPolls(40_000) + 2);
    expect(result.lateness).toBeLessThanOrEqual(1.5);
  });

  it('stays on the ladder while the counts do not move', () => {
    const stuck: Counts = () => ({ current: 5, total: 10 });
    expect(simulate(60_000, stuck).times).toEqual(simulate(60_000, nullCounts).times);
  });
});
