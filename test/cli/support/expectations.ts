import { expect } from 'vitest';
import type { CliResult } from './run-cli.js';

/** No credential, nor its Basic-auth encoding, in anything the CLI printed. */
export function expectNoSecrets(result: CliResult, secrets: readonly string[]): void {
  const printed = `${result.stdout}\n${result.stderr}`;
  for (const secret of secrets) {
    expect(printed).not.toContain(secret);
  }
  expect(printed).not.toMatch(/Basic [A-Za-z0-9+/=]{8,}/);
  expect(printed).not.toMatch(/analyticsAccessToken=(?!\*\*\*)/);
}

export function basicToken(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`).toString('base64');
}
