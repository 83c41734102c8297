// When wait() polls. The rule, in full (times count from the job's start, as the service's clock
// for it does: when the run call was answered, or a resumed job's saved startedAt. Not from when
// wait() began: loading the polling code or the caller's work before wait() must not add to the
// lateness. A poll whose time has already passed is made at once, then the schedule goes on):
//
// 1. Ladder (always the fallback, and all there is while currentCount/totalCount are null, as in
//    the vendor's own examples): poll just after 1, 2, 3, 5, 10, 20, 30, 45 and 60 times the first
//    interval (1 s by default), then at 1.5 times the time so far; no gap is ever longer than
//    `maxIntervalMs` (30 s). With the default unit that is every 30 s from 60 s on; with a small
//    unit (a caller's 100 ms) the gaps keep growing smoothly instead of jumping to 30 s. "Just after" is LADDER_MARGIN (2 %) later, so a job that finishes on a
//    rung is seen by that poll. A job of 2 / 10 / 30 / 60 s is thus seen by poll 2 / 5 / 7 / 9 at
//    1.02× its length, and between rungs the lateness is at most the rungs' ratio (≤ 2×, ≤ 1.5×
//    from 20 s on). The geometric 1.5× schedule this replaces made the same number of polls for
//    those lengths but saw them 1.07–1.32× late.
// 2. Progress (the default, `timing: 'progress'`): once the polls show a positive currentCount
//    rising toward a positive totalCount, the finish is extrapolated from its rate since the first
//    poll that saw it positive, and the next poll lands just after it: PROGRESS_MARGIN (3 %) of
//    the elapsed time later, at least `minIntervalMs`. A gap is still capped at `maxIntervalMs`, so a rate that speeds up
//    costs at most one cap of lateness. If the job is still running when the estimate said it
//    would be done (the count is at or past the total, or the rate slowed), the margin doubles
//    for each such miss, so a long last stretch costs few polls. Both counts must be positive: a
//    queued job shows 0 until it runs, and a rate measured across its start would be too slow.

import type { PollTiming } from '../../types/wait.js';

export interface PollSchedule {
  /** The ladder's unit: the delay before the first poll (short: small exports finish in seconds). */
  readonly initialIntervalMs: number;
  /** Longest gap between polls. */
  readonly maxIntervalMs: number;
  /** Shortest gap between polls aimed at an estimated finish. */
  readonly minIntervalMs: number;
  readonly timing: PollTiming;
}

export const defaultPollSchedule: PollSchedule = {
  initialIntervalMs: 1_000,
  maxIntervalMs: 30_000,
  minIntervalMs: 250,
  timing: 'progress',
};

/** Rungs of the ladder, in units of the first interval. */
export const LADDER = [1, 2, 3, 5, 10, 20, 30, 45, 60] as const;
const LADDER_MARGIN = 1.02;
const BEYOND_LADDER_GROWTH = 1.5;
const PROGRESS_MARGIN = 0.03;

/** The rung after one at `time` when rung `k` (0-based) is next. */
function rungAfter(k: number, time: number, schedule: PollSchedule): number {
  const rung = LADDER[k];
  const next =
    rung === undefined ? time * BEYOND_LADDER_GROWTH : rung * schedule.initialIntervalMs * LADDER_MARGIN;
  return Math.min(next, time + schedule.maxIntervalMs);
}

/** Time of ladder poll `poll` (0-based), in ms after the job started. */
export function ladderTime(poll: number, schedule: PollSchedule): number {
  let time = 0;
  for (let k = 0; k <= poll; k++) time = rungAfter(k, time, schedule);
  return time;
}

interface Sample {
  readonly at: number;
  readonly current: number | null;
  readonly total: number | null;
}

/** Decides when to poll next from the polls so far; times are ms since the job started. */
export class PollPlanner {
  readonly #schedule: PollSchedule;
  #first: Sample | undefined;
  /** When the last poll was made, answered or not. */
  #lastPollAt = 0;
  #last: Sample | undefined;
  /** Ladder rungs used or passed so far, and the time of the last of them. */
  #rung = 0;
  #rungAt = 0;
  /** Polls aimed at an estimated finish that found the job still running. */
  #misses = 0;
  #aimedAtFinish = false;

  constructor(schedule: PollSchedule) {
    this.#schedule = schedule;
  }

  /** When to make the next poll. */
  nextPollAt(): number {
    const lastAt = this.#lastPollAt;
    const finish = this.#schedule.timing === 'progress' ? this.#estimatedFinish() : undefined;
    if (finish === undefined) {
      this.#aimedAtFinish = false;
      return this.#nextRungAfter(lastAt);
    }
    const margin = Math.max(this.#schedule.minIntervalMs, PROGRESS_MARGIN * lastAt) * 2 ** this.#misses;
    const target = Math.max(finish, lastAt) + margin;
    const cap = lastAt + this.#schedule.maxIntervalMs;
    this.#aimedAtFinish = target <= cap;
    return Math.min(target, cap);
  }

  /**
   * Takes the first rung after `time`: polls aimed at a finish may have passed several, and a
   * resumed job's first poll comes long after its start (past the ladder, where the gaps are at the
   * cap, those rungs are skipped in one step).
   */
  #nextRungAfter(time: number): number {
    const { maxIntervalMs } = this.#schedule;
    for (;;) {
      let at = rungAfter(this.#rung, this.#rungAt, this.#schedule);
      if (
        this.#rung >= LADDER.length &&
        this.#rungAt * (BEYOND_LADDER_GROWTH - 1) >= maxIntervalMs &&
        at <= time
      ) {
        const skipped = Math.floor((time - at) / maxIntervalMs);
        at += skipped * maxIntervalMs;
        this.#rung += skipped;
      }
      this.#rung++;
      this.#rungAt = at;
      if (at > time) return at;
    }
  }

  /** Records a poll that failed (and is made again at the next pause): time passes, no counts. */
  failed(at: number): void {
    this.#lastPollAt = at;
  }

  /** Records the counts of a poll that found the job still running. */
  observe(at: number, currentCount: number | null, totalCount: number | null): void {
    if (this.#aimedAtFinish) this.#misses++;
    this.#lastPollAt = at;
    const sample = { at, current: currentCount, total: totalCount };
    // The rate is measured from the first poll that saw the job moving: the longer the baseline,
    // the less a poll's own latency skews it. Counts that fall back start a new baseline.
    const first = this.#first;
    if (currentCount === null || currentCount <= 0) this.#first = undefined;
    else if (!first || first.current === null || currentCount < first.current) this.#first = sample;
    this.#last = sample;
  }

  /** The finish extrapolated from the first moving poll and the last one, if they show a rate. */
  #estimatedFinish(): number | undefined {
    const a = this.#first;
    const b = this.#last;
    if (!a || !b || a.current === null || b.current === null || b.total === null || !(b.total > 0)) {
      return undefined;
    }
    // Still running at or past the total after an aimed poll: aim just after now, backing off.
    if (b.current >= b.total && this.#misses > 0) return b.at;
    if (!(a.current > 0 && b.current > a.current && b.at > a.at)) return undefined;
    const rate = (b.current - a.current) / (b.at - a.at);
    return b.at + Math.max(0, b.total - b.current) / rate;
  }
}
