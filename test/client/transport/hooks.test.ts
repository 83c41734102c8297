import { describe, expect, it } from 'vitest';
import {
  type RequestEvent,
  type ResponseEvent,
  type RetryEvent,
  ServerError,
  TimeoutError,
  ValidationError,
} from '../../../src/index.js';
import { BASE, credentials, observedClient, pass } from '../support/observed-fetch.js';

const busy = () => new Response('busy', { status: 429, headers: { 'retry-after': '0' } });

function recordingHooks() {
  const events: (['request', RequestEvent] | ['response', ResponseEvent] | ['retry', RetryEvent])[] = [];
  return {
    events,
    hooks: {
      onRequest: (event: RequestEvent) => events.push(['request', event]),
      onResponse: (event: ResponseEvent) => events.push(['response', event]),
      onRetry: (event: RetryEvent) => events.push(['retry', event]),
    },
  };
}

describe('hooks', () => {
  it('report each attempt, answer and retry in order, with URLs that carry no secret', async () => {
    const { events, hooks } = recordingHooks();
    const { ca } = observedClient((_request, index) => (index === 0 ? busy() : pass([])), { hooks });
    await ca.teams.list();
    expect(events.map(([kind, event]) => [kind, event.attempt])).toEqual([
      ['request', 1],
      ['response', 1],
      ['retry', 1],
      ['request', 2],
      ['response', 2],
    ]);
    const [, retry] = events[2] as ['retry', RetryEvent];
    expect(retry).toMatchObject({ method: 'GET', url: `${BASE}/teams`, status: 429, delayMs: 0 });
    expect(retry.error.name).toBe('RateLimitError');
    expect((events[1] as ['response', ResponseEvent])[1].status).toBe(429);
    const printed = JSON.stringify(events, (_key, value) => (value instanceof Error ? value.message : value));
    for (const secret of Object.values(credentials)) expect(printed).not.toContain(secret);
    expect(printed).not.toContain('companyKey');
  });

  it('are kept by a client derived with withOptions, which changes only what it is given', async () => {
    const { events, hooks } = recordingHooks();
    const { ca, requests } = observedClient(() => new Response('down', { status: 503 }), { hooks });
    const impatient = ca.withOptions({ retry: { limit: 0 } });
    await expect(impatient.teams.list()).rejects.toBeInstanceOf(ServerError);
    expect(requests).toHaveLength(1);
    expect(events.map(([kind]) => kind)).toEqual(['request', 'response']);
    await expect(ca.teams.list({ retry: { limit: 1 } })).rejects.toBeInstanceOf(ServerError);
    expect(requests).toHaveLength(3); // the original client still retries
    expect(requests[2]?.headers.get('authorization')).toBe(requests[0]?.headers.get('authorization'));
  });
});

describe('per-call options', () => {
  it('retry: a call can ask for fewer (or more) attempts than the client default', async () => {
    const { ca, requests } = observedClient(() => new Response('down', { status: 503 }));
    await expect(ca.teams.list({ retry: { limit: 0 } })).rejects.toBeInstanceOf(ServerError);
    expect(requests).toHaveLength(1);
    await expect(ca.timezones.list({ retry: { limit: 2 }, locale: 'de' })).rejects.toBeInstanceOf(
      ServerError,
    );
    expect(requests).toHaveLength(4);
    expect(requests[3]?.url.searchParams.get('locale')).toBe('de');
  });

  it('timeoutMs: a call gives up on its own deadline, and a bad value is refused before any request', async () => {
    const { ca, requests } = observedClient(() => new Promise<Response>(() => {}));
    const job = ca.reports.resume({ workflowId: 'w', runId: 'r', reportType: 'user', format: 'json' });
    await expect(job.status({ timeoutMs: 5, retry: { limit: 0 } })).rejects.toBeInstanceOf(TimeoutError);
    expect(requests).toHaveLength(1);
    await expect(job.status({ timeoutMs: 0 })).rejects.toBeInstanceOf(ValidationError);
    await expect(ca.teams.list({ timeoutMs: -1 })).rejects.toThrow(/Invalid timeoutMs/);
    expect(requests).toHaveLength(1);
  });

  it('signal: aborting one call leaves the client usable', async () => {
    const { ca, requests } = observedClient(() => pass([]));
    const aborted = AbortSignal.abort();
    await expect(ca.teams.list({ signal: aborted })).rejects.toMatchObject({ name: 'AbortError' });
    await expect(ca.teams.list()).resolves.toEqual([]);
    expect(requests.length).toBeGreaterThanOrEqual(1);
  });
});
