import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { UsageError } from '../errors/usage-error.js';

export const envNames = {
  url: 'KHOROS_ANALYTICS_URL',
  user: 'KHOROS_ANALYTICS_USER',
  password: 'KHOROS_ANALYTICS_PASSWORD',
  companyKey: 'KHOROS_ANALYTICS_COMPANY_KEY',
} as const;

export interface Account {
  readonly baseUrl: string | undefined;
  readonly username: string;
  readonly password: string;
  readonly companyKey: string;
}

export interface AccountSources {
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** `--dotenv`; without it `./.env` is read when present. */
  readonly envFile?: string | undefined;
  /** `--password-stdin`: the password, already read. */
  readonly stdinPassword?: string | undefined;
}

/**
 * The real account from the environment, with `.env` filling only what the environment leaves
 * unset (so `KHOROS_ANALYTICS_PASSWORD=… care-analytics …` beats the file). Only our four names
 * are taken from the file; nothing else in it reaches this process.
 */
export function readAccount(sources: AccountSources): Account {
  const fromFile = readEnvFile(sources);
  const value = (name: string) => {
    const found = sources.env[name] ?? fromFile[name];
    return found === undefined || found.trim() === '' ? undefined : found.trim();
  };
  const username = value(envNames.user);
  const password = sources.stdinPassword ?? value(envNames.password);
  const companyKey = value(envNames.companyKey);
  if (username === undefined && password === undefined && companyKey === undefined) {
    throw new UsageError(
      `no account configured: set ${envNames.user}, ${envNames.password} and ${envNames.companyKey} ` +
        `(and ${envNames.url} for your region) in the environment or a .env file, ` +
        'or pass --sandbox to run against the built-in sandbox',
    );
  }
  const missing = [
    username === undefined ? envNames.user : undefined,
    password === undefined ? `${envNames.password} (or --password-stdin)` : undefined,
    companyKey === undefined ? envNames.companyKey : undefined,
  ].filter((name) => name !== undefined);
  if (username === undefined || password === undefined || companyKey === undefined) {
    throw new UsageError(
      `incomplete account: ${missing.join(' and ')} not set; or pass --sandbox to use the built-in sandbox`,
    );
  }
  return { baseUrl: value(envNames.url), username, password, companyKey };
}

function readEnvFile(sources: AccountSources): Record<string, string | undefined> {
  const path = resolve(sources.cwd, sources.envFile ?? '.env');
  if (!existsSync(path)) {
    if (sources.envFile !== undefined)
      throw new UsageError(`--dotenv: ${sources.envFile} does not exist`, '--dotenv');
    return {};
  }
  const parsed = parseEnv(readFileSync(path, 'utf8'));
  return Object.fromEntries(Object.values(envNames).map((name) => [name, parsed[name]]));
}

/** `--password-stdin`: the first line of stdin, without its line ending. */
export async function readPasswordFromStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stdin) {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (text.includes('\n')) break;
  }
  const [line = ''] = text.split(/\r?\n/);
  if (line === '')
    throw new UsageError(
      '--password-stdin: stdin was empty; pipe the password in, e.g. `pass show khoros | care-analytics …`',
      '--password-stdin',
    );
  return line;
}
