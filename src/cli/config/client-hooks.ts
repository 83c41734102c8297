import type { Hooks, RetryEvent } from '../../index.js';
import { redactText } from '../../redaction/index.js';
import type { CliContext, GlobalOptions } from '../context.js';

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

/** "retrying GET …/status after HTTP 429 in 2 s (attempt 2)": what a waiting user wants to know. */
export function describeRetry(event: RetryEvent): string {
  const why = event.status !== undefined ? `HTTP ${event.status}` : event.error.name;
  return `retrying ${event.method} ${event.url} after ${why} in ${seconds(event.delayMs)} (attempt ${event.attempt + 1})`;
}

/**
 * The client's hooks as the CLI shows them on stderr: every retry (a line, or a JSON event with
 * --json-log; nothing with --quiet), and with --debug every request and response. The client
 * masks secrets already; the CLI scrubs again with the values it holds, as for every line it prints.
 */
export function clientHooks(context: CliContext, globals: GlobalOptions): Hooks {
  const print = (line: string) =>
    context.stderr.write(`care-analytics: ${redactText(line, [...context.secrets])}\n`);
  const event = (name: string, fields: Record<string, unknown>) =>
    context.stderr.write(
      `${redactText(JSON.stringify({ event: name, time: new Date(context.now()).toISOString(), ...fields }), [...context.secrets])}\n`,
    );
  return {
    onRetry(retry) {
      if (globals.jsonLog) {
        const { error, ...fields } = retry;
        event('retry', { ...fields, reason: error.message });
      } else if (!globals.quiet) print(describeRetry(retry));
    },
    ...(globals.debug
      ? {
          onRequest: (request) =>
            print(`debug: ${request.method} ${request.url} (attempt ${request.attempt})`),
          onResponse: (response) =>
            print(
              `debug: ${response.method} ${response.url} → ${response.status}${response.requestId ? ` (request id ${response.requestId})` : ''}`,
            ),
        }
      : {}),
  };
}
