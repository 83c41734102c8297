import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/index.js';
import { columnNames, type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { latestEndTime } from '../../src/time/index.js';
import { observedClient, window } from '../client/support/observed-fetch.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ jobDurationMs: 0, rowsPerDay: 10 });
});
afterAll(() => sandbox.close());

/** What the sandbox says to a raw run request, bypassing the client's own checks. */
async function sandboxVerdict(startTime: number, endTime: number): Promise<'accepted' | 'refused'> {
  const { username, password, companyKey } = sandbox.credentials;
  const response = await fetch(
    `${sandbox.url}/reports/report/conversation?startTime=${startTime}&endTime=${endTime}&companyKey=${companyKey}`,
    { method: 'POST', headers: { authorization: `Basic ${btoa(`${username}:${password}`)}` } },
  );
  const body = (await response.json()) as { status: string };
  return body.status === 'PASS' ? 'accepted' : 'refused';
}

/** The client's verdict: refused means a ValidationError with nothing sent. */
async function clientVerdict(startTime: number, endTime: number): Promise<'accepted' | 'refused'> {
  const { ca, requests } = observedClient(() => new Response('{}'));
  const error = await ca.reports.start('conversation', { startTime, endTime }).catch((e: unknown) => e);
  if (error instanceof ValidationError) {
    expect(requests).toHaveLength(0);
    return 'refused';
  }
  expect(requests).toHaveLength(1);
  return 'accepted';
}

const at = (iso: string) => Date.parse(iso);

describe('the 3-month rule is one function: client and sandbox agree at calendar boundaries', () => {
  const cases: [string, string, 'accepted' | 'refused'][] = [
    ['2026-08-31T10:00:00Z', '2026-11-30T22:00:00Z', 'refused'],
    ['2026-08-31T10:00:00Z', '2026-11-30T10:00:00Z', 'accepted'],
    ['2026-11-30T00:00:00Z', '2027-02-28T00:00:00Z', 'accepted'],
    ['2026-11-30T00:00:00Z', '2027-02-28T00:00:00.001Z', 'refused'],
    ['2027-11-30T00:00:00Z', '2028-02-29T00:00:00Z', 'accepted'],
    ['2026-01-31T23:59:59Z', '2026-04-30T23:59:59Z', 'accepted'],
    ['2026-01-31T23:59:59Z', '2026-05-01T00:00:00Z', 'refused'],
    ['2026-03-15T00:00:00Z', '2026-06-15T00:00:00Z', 'accepted'],
    ['2026-03-15T00:00:00Z', '2026-06-15T00:00:01Z', 'refused'],
  ];
  it.each(cases)('%s → %s: %s', async (start, end, expected) => {
    expect(await clientVerdict(at(start), at(end))).toBe(expected);
    expect(await sandboxVerdict(at(start), at(end))).toBe(expected);
    expect(at(end) <= latestEndTime(at(start))).toBe(expected === 'accepted');
  });
});

describe('validation before sending', () => {
  const base = { startTime: window.startTime, endTime: window.endTime };
  const invalid: [string, Record<string, unknown>, string][] = [
    ['Feb 30th', { startTime: '2026-02-30T00:00:00Z', endTime: '2026-03-05T00:00:00Z' }, 'startTime'],
    ['a bare 2026-02-29 (no leap year)', { startTime: '2026-02-29', endTime: '2026-03-05' }, 'startTime'],
    ['hour 24', { ...base, endTime: '2026-03-01T24:00:00Z' }, 'endTime'],
    ['startTime 9e15', { ...base, startTime: 9e15 }, 'startTime'],
    ['a BigInt', { ...base, startTime: 10n ** 12n }, 'startTime'],
    ['a BigInt in a list', { ...base, priorities: [1n] }, 'priorities'],
    ['a lone surrogate', { ...base, locale: 'en\uD800' }, 'locale'],
    ['a lone surrogate in a metric', { ...base, reportMetrics: ['\uDC00X'] }, 'reportMetrics'],
    ['an empty locale', { ...base, locale: '' }, 'locale'],
    ['an empty metric', { ...base, reportMetrics: [''] }, 'reportMetrics'],
    ['a repeated priority', { ...base, priorities: [1, 2, 1] }, 'priorities'],
    ['a repeated work queue', { ...base, workqueueIds: [7, 7] }, 'workqueueIds'],
    ['an unknown time zone', { ...base, timezone: 'Mars/Olympus_Mons' }, 'timezone'],
    ['a time zone with spaces', { ...base, timezone: ' Europe/Berlin' }, 'timezone'],
    ['a symbol', { ...base, locale: Symbol('x') }, 'locale'],
  ];
  it.each(invalid)('%s: ValidationError naming %s, nothing sent', async (_name, params, parameter) => {
    const { ca, requests } = observedClient(() => new Response('{}'));
    const error = await ca.reports.start('conversation', params as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).parameter).toBe(parameter);
    expect(requests).toHaveLength(0);
  });

  it('a URL over the budget is refused with the number of exports to split into', async () => {
    const { ca, requests } = observedClient(() => new Response('{}'));
    const workqueueIds = Array.from({ length: 3000 }, (_, i) => 1_000_000 + i);
    const error = await ca.reports.start('conversation', { ...base, workqueueIds }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).parameter).toBe('workqueueIds');
    expect((error as Error).message).toMatch(
      /over the 15360-byte budget.*split workqueueIds into \d+ exports/,
    );
    expect(requests).toHaveLength(0);
  });

  it('a URL just within the budget is sent, and the sandbox accepts it', async () => {
    const { createCareAnalytics } = await import('../../src/index.js');
    const ca = createCareAnalytics({ baseUrl: sandbox.url, ...sandbox.credentials, onWarning: () => {} });
    const workqueueIds = Array.from({ length: 1500 }, (_, i) => 1_000_000 + i);
    await expect(ca.reports.start('conversation', { ...base, workqueueIds })).resolves.toBeDefined();
  });
});

describe('the sandbox accepts what the spec allows', () => {
  it('21 and more reportMetrics', async () => {
    const { createCareAnalytics } = await import('../../src/index.js');
    const ca = createCareAnalytics({ baseUrl: sandbox.url, ...sandbox.credentials, onWarning: () => {} });
    const names = columnNames('conversation');
    const metrics = Array.from({ length: 25 }, (_, i) => names[i] ?? `EXTRA_${i}`);
    for (const count of [20, 21, 25]) {
      await expect(
        ca.reports.start('conversation', { ...window, reportMetrics: metrics.slice(0, count) }),
      ).resolves.toBeDefined();
    }
  });
});
