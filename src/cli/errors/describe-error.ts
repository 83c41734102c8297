import { inspect } from 'node:util';
import {
  ApiError,
  AuthenticationError,
  ConnectionError,
  TimeoutError,
  ValidationError,
} from '../../index.js';
import { redactText } from '../../redaction/index.js';
import { envNames } from '../config/account.js';
import { flagForParameter } from '../input/report-flags.js';
import { UsageError } from './usage-error.js';

/**
 * One readable line for any failure: what failed, which flag, what to do. The client already
 * scrubs its errors; this scrubs again by pattern and by the exact secret values the CLI holds,
 * because a message can also come from places the client does not control.
 */
export function describeError(error: unknown, secrets: readonly string[]): string {
  return redactText(firstLine(rawDescription(error)), secrets);
}

/** The stack and cause chain for `--debug`, scrubbed the same way. */
export function debugDetails(error: unknown, secrets: readonly string[]): string {
  return redactText(inspect(error, { depth: 4 }), secrets);
}

/** Client options the CLI fills from the environment, for messages about them. */
const settingForOption: Readonly<Record<string, string>> = {
  baseUrl: envNames.url,
  username: envNames.user,
  password: `${envNames.password} or --password-stdin`,
  companyKey: envNames.companyKey,
};

function rawDescription(error: unknown): string {
  if (error instanceof UsageError) return error.message;
  if (error instanceof ValidationError) {
    const source = flagForParameter[error.parameter] ?? settingForOption[error.parameter];
    return source ? `${error.message} (${source})` : error.message;
  }
  if (error instanceof AuthenticationError) {
    const status = error.message.includes(`HTTP ${error.status}`) ? '' : ` (HTTP ${error.status})`;
    return `authentication failed${status}: ${error.message}; check KHOROS_ANALYTICS_USER, KHOROS_ANALYTICS_PASSWORD and KHOROS_ANALYTICS_COMPANY_KEY`;
  }
  if (error instanceof ApiError) {
    // The client's messages usually name the request already; add only what is missing.
    const status = error.message.includes(`HTTP ${error.status}`)
      ? []
      : [`HTTP ${error.status} from ${error.method} ${error.url}`];
    const id = error.requestId ? [`request id ${error.requestId}`] : [];
    const extra = [...status, ...id];
    return extra.length > 0 ? `${error.message} (${extra.join(', ')})` : error.message;
  }
  if (error instanceof ConnectionError) {
    const where = error.message.includes(error.url) ? '' : ` (${error.url})`;
    const cause = deepestCause(error);
    const why = cause && !error.message.includes(cause) ? ` (${cause})` : '';
    return `${error.message}${where}${why}; check ${envNames.url} and your network`;
  }
  if (error instanceof TimeoutError) return error.message;
  if (error instanceof Error && error.name === 'AbortError') return 'interrupted';
  if (error instanceof Error) return error.message;
  return String(error);
}

/** What the network layer said at the bottom of a cause chain: `connect ECONNREFUSED 127.0.0.1:1`. */
function deepestCause(error: Error): string | undefined {
  let cause: unknown = error.cause;
  let found: string | undefined;
  for (let depth = 0; depth < 5 && cause instanceof Error; depth++) {
    found = cause.message || (cause as { code?: string }).code;
    cause = cause.cause;
  }
  return found;
}

function firstLine(text: string): string {
  const [line = ''] = text.split('\n');
  return line.trim();
}
