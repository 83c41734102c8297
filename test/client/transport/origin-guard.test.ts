import { describe, expect, it } from 'vitest';
import { parseBaseUrl, rebaseOntoBase } from '../../../src/internal/transport/origin-guard.js';

describe('origin guard', () => {
  const base = new URL('https://analytics-api.app.lithium.com/api/public');

  it('re-bases a foreign statusUrl onto the configured origin, keeping path and token', () => {
    const url = rebaseOntoBase(
      'https://analytics-api-qa.example.invalid/api/public/reports/report/w/r%2B%3D/status?analyticsAccessToken=t%2B1',
      base,
    );
    expect(url.href).toBe(
      'https://analytics-api.app.lithium.com/api/public/reports/report/w/r%2B%3D/status?analyticsAccessToken=t%2B1',
    );
  });

  it('leaves a same-origin URL as it is and resolves relative ones against the base', () => {
    expect(rebaseOntoBase('https://analytics-api.app.lithium.com/x?companyKey=k', base).href).toBe(
      'https://analytics-api.app.lithium.com/x?companyKey=k',
    );
    expect(rebaseOntoBase('/api/public/y', base).origin).toBe(base.origin);
  });

  it('drops a foreign port or scheme too', () => {
    expect(rebaseOntoBase('http://analytics-api.app.lithium.com:8443/p', base).href).toBe(
      'https://analytics-api.app.lithium.com/p',
    );
  });

  it('normalizes the base URL and refuses credentials or a query in it', () => {
    expect(parseBaseUrl('https://h.example/api/public/', false).href).toBe('https://h.example/api/public');
    expect(() => parseBaseUrl('https://u:p@h.example/api', false)).toThrow(/carries credentials/);
    expect(() => parseBaseUrl('https://h.example/api?companyKey=k', false)).toThrow(/Invalid baseUrl/);
    expect(() => parseBaseUrl('not a url', false)).toThrow(/not an absolute URL/);
  });
});
