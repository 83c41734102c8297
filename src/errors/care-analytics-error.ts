import { inspect } from 'node:util';
import { redactText } from '../redaction/redact-text.js';
import { sanitizeCause } from '../redaction/sanitize-cause.js';

export interface CareAnalyticsErrorOptions {
  cause?: unknown;
  /** Exact secret values to mask in the message (the client passes its credentials). */
  secrets?: readonly string[];
}

/**
 * Base of every error this package throws. The message is scrubbed at construction, so the
 * stack trace (which embeds the message) is clean too; `toJSON` and `util.inspect` print only
 * the fields declared by each subclass, never the raw cause or request.
 *
 * @example
 * ```ts
 * try {
 *   await ca.reports.run('conversation', { startTime, endTime });
 * } catch (error) {
 *   if (error instanceof CareAnalyticsError) console.error(JSON.stringify(error)); // no secret in it
 *   else throw error;
 * }
 * ```
 */
export class CareAnalyticsError extends Error {
  override readonly name: string = 'CareAnalyticsError';

  constructor(message: string, options: CareAnalyticsErrorOptions = {}) {
    const cause = sanitizeCause(options.cause, options.secrets);
    super(redactText(message, options.secrets), cause ? { cause } : undefined);
  }

  /** Fields shown by `toJSON` and `util.inspect`, beyond name and message. */
  protected details(): Record<string, unknown> {
    return {};
  }

  /** Name, message, the subclass's fields and the cause's name and message: safe to log. */
  toJSON(): Record<string, unknown> {
    const cause =
      this.cause instanceof Error ? { name: this.cause.name, message: this.cause.message } : undefined;
    return { name: this.name, message: this.message, ...this.details(), ...(cause ? { cause } : {}) };
  }

  /** What `console.log(error)` and `util.inspect` show: the same safe fields, and the stack. */
  [inspect.custom](_depth: number, options: Parameters<typeof inspect>[1]): string {
    const stack = (this.stack ?? '').split('\n').slice(1).join('\n');
    const fields = {
      ...this.details(),
      ...(this.cause instanceof Error ? { cause: String(this.cause) } : {}),
    };
    const shown = Object.keys(fields).length ? ` ${inspect(fields, { ...options, depth: 2 })}` : '';
    return `${this.name}: ${this.message}${shown}${stack ? `\n${stack}` : ''}`;
  }
}
