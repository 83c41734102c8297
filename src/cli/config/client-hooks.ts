import type { Hooks, RetryEvent } from '../../index.js';
import { redactText } from '../../redaction/index.js';
import type { CliContext, GlobalOptions } from '../context.js';
import { type Progress, progressMode } from '../progress/progress.js';

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;
const cause = (event: RetryEvent) => (event.status !== undefined ? `HTTP ${event.status}` : event.error.name);

/** "retrying GET …/status after HTTP 429 in 2 s (attempt 2)": what a waiting user wants to know. */
export function describeRetry(event: RetryEvent): string {
  return `retrying ${event.method} ${event.url} after ${cause(event)} in ${seconds(event.delayMs)} (attempt ${event.attempt + 1})`;
}

/**
 * The client's hooks as the CLI shows them on stderr: every retry (in the live progress line on a
 * terminal, else a line, or a JSON event with --json-log; nothing with --quiet), and with --debug
 * every request and response. The client masks secrets already; the CLI scrubs again with the
 * values it holds, as for every line it prints.
 */
export function clientHooks(context: CliContext, globals: GlobalOptions, progress?: Progress): Hooks {
  const live = progress !== undefined && !globals.debug && progressMode(globals, context.stderr) === 'tty';
  const print = (line: string) =>
    context.stderr.write(`care-analytics: ${redactText(line, [...context.secrets])}\n`);
  const event = (name: string, fields: Record<string, unknown>) =>
    context.stderr.write(
      `${redactText(JSON.stringify({ event: name, time: new Date(context.now()).toISOString(), ...fields }), [...context.secrets])}\n`,
    );
  return {
    onRetry(retry) {
      if (live) progress.update({ retrying: `retrying after ${cause(retry)} in ${seconds(retry.delayMs)}` });
      else if (globals.jsonLog) {
        const { error, ...fields } = retry;
        event('retry', { ...fields, reason: error.message });
      } else if (!globals.quiet) print(describeRetry(retry));
    },
    ...(live
      ? {
          onResponse(response) {
            if (response.status < 400) progress.update({ retrying: undefined });
          },
        }
      : {}),
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
