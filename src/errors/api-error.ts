import { redactText } from '../redaction/redact-text.js';
import { redactUrl } from '../redaction/redact-url.js';
import { CareAnalyticsError, type CareAnalyticsErrorOptions } from './care-analytics-error.js';

export interface ApiErrorInit extends CareAnalyticsErrorOptions {
  status: number;
  method: string;
  url: string;
  requestId?: string | undefined;
}

/** The API answered, but not with a usable result (an HTTP error or a non-PASS envelope). */
export class ApiError extends CareAnalyticsError {
  override readonly name: string = 'ApiError';
  readonly status: number;
  readonly method: string;
  /** The request URL with credentials masked. */
  readonly url: string;
  readonly requestId: string | undefined;

  constructor(message: string, init: ApiErrorInit) {
    super(message, init);
    this.status = init.status;
    this.method = init.method;
    this.url = redactText(redactUrl(init.url), init.secrets);
    this.requestId = init.requestId === undefined ? undefined : redactText(init.requestId, init.secrets);
  }

  protected override details(): Record<string, unknown> {
    return { status: this.status, method: this.method, url: this.url, requestId: this.requestId };
  }
}
