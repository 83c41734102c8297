import { CareAnalyticsError } from './care-analytics-error.js';

/**
 * A range export that cannot go on as asked: its output belongs to a different export
 * (`output-in-use`), or its windows came back with different CSV headers (`header-mismatch`).
 */
export class RangeExportError extends CareAnalyticsError {
  override readonly name: string = 'RangeExportError';
  readonly code: 'output-in-use' | 'header-mismatch';
  /** The windows concerned, by label. */
  readonly windows: readonly string[];

  constructor(code: RangeExportError['code'], message: string, windows: readonly string[] = []) {
    super(message);
    this.code = code;
    this.windows = windows;
  }

  protected override details(): Record<string, unknown> {
    return { code: this.code, windows: this.windows };
  }
}
