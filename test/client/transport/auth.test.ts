import { describe, expect, it } from 'vitest';
import { createCareAnalytics, ValidationError } from '../../../src/index.js';
import { basicAuthorization } from '../../../src/internal/transport/basic-auth.js';
import { BASE, credentials, observedClient, observedFetch, pass } from '../support/observed-fetch.js';

describe('credentials', () => {
  it('builds Basic auth from the UTF-8 bytes of user:password', () => {
    const header = basicAuthorization('ü', 'пароль€');
    expect(Buffer.from(header.slice(6), 'base64').toString('utf8')).toBe('ü:пароль€');
    expect(header).toBe(`Basic ${Buffer.from('ü:пароль€', 'utf8').toString('base64')}`);
  });

  it('sends Authorization, Accept and companyKey on every API call, including ca.raw', async () => {
    const { ca, requests } = observedClient(() => pass([]));
    await ca.teams.list();
    await ca.timezones.list({ locale: 'de' });
    await ca.raw.GET('/teams');
    const expected = basicAuthorization(credentials.username, credentials.password);
    for (const request of requests) {
      expect(request.headers.get('authorization')).toBe(expected);
      expect(request.headers.get('accept')).toBe('application/json');
      expect(request.url.searchParams.getAll('companyKey')).toEqual([credentials.companyKey]);
    }
    expect(requests[1]?.href).toBe(`${BASE}/config/timezones?locale=de&companyKey=${credentials.companyKey}`);
  });

  it('ca.raw is an instance of its own: middleware added to it never touches reports.* or lists', async () => {
    const { ca, requests } = observedClient(() => pass([]));
    const seen: string[] = [];
    ca.raw.use({
      onRequest({ request }) {
        seen.push(new URL(request.url).pathname);
        const headers = new Headers(request.headers);
        headers.set('x-added-by-raw-middleware', 'yes');
        return new Request(request, { headers });
      },
    });
    await ca.teams.list();
    await ca.raw.GET('/teams');
    expect(seen).toEqual(['/api/public/teams']);
    expect(requests.map((r) => r.headers.get('x-added-by-raw-middleware'))).toEqual([null, 'yes']);
    // The shared rules still hold on the raw instance: credentials, once, only to the origin.
    expect(requests[1]?.url.searchParams.getAll('companyKey')).toEqual([credentials.companyKey]);
  });

  it("sends a User-Agent, ours by default or the caller's", async () => {
    const plain = observedClient(() => pass([]));
    await plain.ca.teams.list();
    expect(plain.requests[0]?.headers.get('user-agent')).toBe('khoros-care-analytics');
    const custom = observedClient(() => pass([]), { userAgent: 'warehouse-sync/2.1' });
    await custom.ca.teams.list();
    expect(custom.requests[0]?.headers.get('user-agent')).toBe('warehouse-sync/2.1');
  });

  it('refuses to attach credentials to another origin, even through ca.raw', async () => {
    const { ca, requests } = observedClient(() => pass([]));
    await expect(
      ca.raw.GET('/teams', { baseUrl: 'https://evil.example.invalid/api/public' }),
    ).rejects.toThrow(/Refusing to send credentials to https:\/\/evil\.example\.invalid/);
    expect(requests).toHaveLength(0);
  });

  it.each([
    ['http://analytics.example.test/api/public', false, true],
    ['http://analytics.example.test/api/public', true, false],
    ['http://127.0.0.1:8080/api/public', false, false],
    ['http://localhost:8080/api/public', false, false],
    ['http://[::1]:8080/api/public', false, false],
    ['ftp://analytics.example.test', true, true],
  ])('baseUrl %s with allowInsecureHttp=%s refused=%s', (baseUrl, allowInsecureHttp, refused) => {
    const create = () =>
      createCareAnalytics({
        ...credentials,
        baseUrl,
        allowInsecureHttp,
        fetch: observedFetch(() => pass(null)).fetch,
      });
    if (refused) expect(create).toThrow(ValidationError);
    else expect(create).not.toThrow();
  });

  it('names the missing credential', () => {
    expect(() => createCareAnalytics({ ...credentials, companyKey: '' })).toThrow(
      expect.objectContaining({ parameter: 'companyKey' }),
    );
  });
});
