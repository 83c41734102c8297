import { CareAnalyticsError } from './care-analytics-error.js';

/** A per-attempt timeout, a total deadline or a wait() deadline ran out. */
export class TimeoutError extends CareAnalyticsError {
  override readonly name: string = 'TimeoutError';
  readonly timeoutMs: number;

  constructor(message: string, timeoutMs: number) {
    super(message);
    this.timeoutMs = timeoutMs;
  }

  protected override details(): Record<string, unknown> {
    return { timeoutMs: this.timeoutMs };
  }
}
