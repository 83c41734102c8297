/** How wait() spaces its status polls. */
export interface PollSchedule {
  /** Delay before the first poll (short: small exports finish in seconds). */
  readonly initialIntervalMs: number;
  /** Growth per poll. */
  readonly factor: number;
  /** Longest gap between polls. */
  readonly maxIntervalMs: number;
}

export const defaultPollSchedule: PollSchedule = {
  initialIntervalMs: 1_000,
  factor: 1.5,
  maxIntervalMs: 30_000,
};

/** Delay before poll number `poll` (0-based): initial·factor^poll, capped. */
export function pollDelay(poll: number, schedule: PollSchedule): number {
  return Math.min(schedule.maxIntervalMs, schedule.initialIntervalMs * schedule.factor ** poll);
}
