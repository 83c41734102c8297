import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/index.js';
import { observedClient } from '../support/observed-fetch.js';

const body = (value: unknown, headers: Record<string, string> = {}) =>
  new Response(typeof value === 'string' ? value : JSON.stringify(value), { status: 200, headers });

describe('envelope', () => {
  it('unwraps result whatever the Content-Type says', async () => {
    const teams = [{ uuid: 'u', teamId: 7, name: 'T', description: null, numberOfMembers: 3 }];
    const { ca } = observedClient(() =>
      body({ status: 'PASS', request: null, message: null, result: teams }, { 'content-type': 'text/plain' }),
    );
    await expect(ca.teams.list()).resolves.toEqual(teams);
  });

  it('turns a non-PASS envelope into ApiError with the message text', async () => {
    const { ca } = observedClient(() =>
      body({ status: 'FAIL', request: null, message: 'Company not found', result: null }),
    );
    await expect(ca.teams.list()).rejects.toThrow(/FAIL: Company not found/);
  });

  it('uses result when it is the failure text (HydrationException example)', async () => {
    const text = 'HydrationException: Too many buckets (745) requested';
    const { ca } = observedClient(() => body({ status: 'FAIL', message: null, result: text }));
    const error = await ca.teams.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toContain(text);
  });

  it('rejects a body that is not an envelope', async () => {
    const { ca } = observedClient(() => body('<html>maintenance</html>'));
    await expect(ca.teams.list()).rejects.toThrow(/not the API's JSON envelope/);
  });

  it('reads the failure envelope of an HTTP error', async () => {
    const { ca } = observedClient(
      () =>
        new Response(JSON.stringify({ status: 'FAIL', message: 'startTime must be before endTime' }), {
          status: 400,
        }),
    );
    await expect(ca.teams.list()).rejects.toThrow(/HTTP 400: startTime must be before endTime/);
  });
});
