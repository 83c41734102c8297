import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readAccount, readPasswordFromStdin } from '../../../src/cli/config/account.js';
import { UsageError } from '../../../src/cli/errors/usage-error.js';
import { catchError } from '../support/catch-error.js';

const full = {
  KHOROS_ANALYTICS_URL: 'https://analytics-api.app.lithium.com/api/public',
  KHOROS_ANALYTICS_USER: 'api-user',
  KHOROS_ANALYTICS_PASSWORD: 'pw-123456',
  KHOROS_ANALYTICS_COMPANY_KEY: 'ck-abcdef',
};

function emptyDir(): string {
  return mkdtempSync(join(tmpdir(), 'account-'));
}

describe('readAccount', () => {
  it('reads the four variables from the environment', () => {
    expect(readAccount({ env: full, cwd: emptyDir() })).toEqual({
      baseUrl: full.KHOROS_ANALYTICS_URL,
      username: 'api-user',
      password: 'pw-123456',
      companyKey: 'ck-abcdef',
    });
  });

  it('leaves the URL to the client default when unset', () => {
    const { KHOROS_ANALYTICS_URL: _, ...rest } = full;
    expect(readAccount({ env: rest, cwd: emptyDir() }).baseUrl).toBeUndefined();
  });

  it('fills from ./.env what the environment leaves unset, the environment winning', () => {
    const dir = emptyDir();
    writeFileSync(
      join(dir, '.env'),
      'KHOROS_ANALYTICS_USER=file-user\nKHOROS_ANALYTICS_PASSWORD="file pw"\nKHOROS_ANALYTICS_COMPANY_KEY=file-key\nOTHER=x\n',
    );
    expect(readAccount({ env: { KHOROS_ANALYTICS_USER: 'env-user' }, cwd: dir })).toEqual({
      baseUrl: undefined,
      username: 'env-user',
      password: 'file pw',
      companyKey: 'file-key',
    });
  });

  it('reads --dotenv, and says so when it is missing', () => {
    const dir = emptyDir();
    writeFileSync(
      join(dir, 'prod.env'),
      Object.entries(full)
        .map(([k, v]) => `${k}=${v}`)
        .join('\n'),
    );
    expect(readAccount({ env: {}, cwd: dir, envFile: 'prod.env' }).username).toBe('api-user');
    expect(catchError(() => readAccount({ env: {}, cwd: dir, envFile: 'nope.env' })).message).toContain(
      '--dotenv',
    );
  });

  it('prefers the password from stdin', () => {
    expect(readAccount({ env: full, cwd: emptyDir(), stdinPassword: 'from-stdin' }).password).toBe(
      'from-stdin',
    );
  });

  it('names both ways to configure when nothing is set', () => {
    const error = catchError(() => readAccount({ env: {}, cwd: emptyDir() }));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toContain('KHOROS_ANALYTICS_USER');
    expect(error.message).toContain('--sandbox');
  });

  it('names exactly what is missing, never echoing what is set', () => {
    const error = catchError(() =>
      readAccount({
        env: { KHOROS_ANALYTICS_USER: 'u', KHOROS_ANALYTICS_PASSWORD: 'pw-123456' },
        cwd: emptyDir(),
      }),
    );
    expect(error.message).toContain('KHOROS_ANALYTICS_COMPANY_KEY not set');
    expect(error.message).not.toContain('KHOROS_ANALYTICS_PASSWORD');
    expect(error.message).not.toContain('pw-123456');
  });
});

describe('readPasswordFromStdin', () => {
  it('takes the first line without its line ending', async () => {
    expect(await readPasswordFromStdin(Readable.from(['s3cr', 'et\r\nrest']))).toBe('s3cret');
    expect(await readPasswordFromStdin(Readable.from(['no-newline']))).toBe('no-newline');
  });

  it('refuses an empty stdin', async () => {
    await expect(readPasswordFromStdin(Readable.from([]))).rejects.toThrow('--password-stdin');
  });
});
