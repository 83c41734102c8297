import { redactText } from '../redaction/redact-text.js';
import { redactUrl } from '../redaction/redact-url.js';
import { CareAnalyticsError, type CareAnalyticsErrorOptions } from './care-analytics-error.js';

/** No usable HTTP exchange: DNS, refused or reset connection, or a body cut short. */
export class ConnectionError extends CareAnalyticsError {
  override readonly name: string = 'ConnectionError';
  readonly url: string;

  constructor(message: string, url: string, options: CareAnalyticsErrorOptions = {}) {
    super(message, options);
    this.url = redactText(redactUrl(url), options.secrets);
  }

  protected override details(): Record<string, unknown> {
    return { url: this.url };
  }
}
