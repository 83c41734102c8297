import { type CareAnalytics, createCareAnalytics, type ValidationWarning } from '../../index.js';
import type { CliContext, GlobalOptions } from '../context.js';
import { flagForParameter } from '../input/report-flags.js';
import type { Progress } from '../progress/progress.js';
import { readAccount, readPasswordFromStdin } from './account.js';
import { clientHooks } from './client-hooks.js';

export interface ConnectionOptions {
  readonly sandbox?: boolean;
  readonly passwordStdin?: boolean;
  readonly dotenv?: string;
}

export interface Session {
  readonly client: CareAnalytics;
  /** `sandbox` when `--sandbox` started the embedded service for this run. */
  readonly target: 'account' | 'sandbox';
  close(): Promise<void>;
}

/**
 * A client for the real account (environment / .env / --password-stdin) or, with `--sandbox`, for
 * a sandbox started in this process and closed with the session. Every credential is registered
 * in `context.secrets` so that nothing printed afterwards can contain it.
 */
export async function openSession(
  options: ConnectionOptions,
  context: CliContext,
  globals: GlobalOptions = {},
  progress?: Progress,
): Promise<Session> {
  const onWarning = (warning: ValidationWarning) => reportWarning(warning, context, globals);
  const hooks = clientHooks(context, globals, progress);
  if (options.sandbox) {
    // Loaded only when asked for, so a real-account run never pays for the sandbox's code.
    const { startSandbox } = await import('../../sandbox/index.js');
    const sandbox = await startSandbox();
    remember(context, [sandbox.credentials.password, sandbox.credentials.companyKey]);
    const client = createCareAnalytics({ baseUrl: sandbox.url, ...sandbox.credentials, onWarning, hooks });
    return { client, target: 'sandbox', close: () => sandbox.close() };
  }
  const stdinPassword = options.passwordStdin ? await readPasswordFromStdin(context.stdin) : undefined;
  const account = readAccount({
    env: context.env,
    cwd: context.cwd,
    envFile: options.dotenv,
    stdinPassword,
  });
  remember(context, [account.password, account.companyKey]);
  const client = createCareAnalytics({
    ...(account.baseUrl !== undefined ? { baseUrl: account.baseUrl } : {}),
    username: account.username,
    password: account.password,
    companyKey: account.companyKey,
    onWarning,
    hooks,
  });
  return { client, target: 'account', close: async () => {} };
}

function remember(context: CliContext, secrets: readonly string[]): void {
  for (const secret of secrets) context.secrets.add(secret);
}

/** The client's warnings (old start date, many buckets): one line each, or a JSON event. */
function reportWarning(warning: ValidationWarning, context: CliContext, globals: GlobalOptions): void {
  const flag = flagForParameter[warning.parameter];
  if (globals.jsonLog) {
    const event = { event: 'warning', time: new Date(context.now()).toISOString(), ...warning, flag };
    context.stderr.write(`${JSON.stringify(event)}\n`);
  } else if (!globals.quiet) {
    context.stderr.write(`care-analytics: warning: ${warning.message}${flag ? ` (${flag})` : ''}\n`);
  }
}
