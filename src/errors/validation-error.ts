import { CareAnalyticsError } from './care-analytics-error.js';

/** Bad input, detected before any request is sent. */
export class ValidationError extends CareAnalyticsError {
  override readonly name: string = 'ValidationError';
  /** The offending parameter or option, e.g. `startTime` or `baseUrl`. */
  readonly parameter: string;
  /** What to do instead. */
  readonly fix: string;

  constructor(parameter: string, problem: string, fix: string) {
    super(`Invalid ${parameter}: ${problem}. Fix: ${fix}`);
    this.parameter = parameter;
    this.fix = fix;
  }

  protected override details(): Record<string, unknown> {
    return { parameter: this.parameter, fix: this.fix };
  }
}
