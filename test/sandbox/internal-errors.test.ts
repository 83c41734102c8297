import { describe, expect, it, vi } from 'vitest';
import { createCareAnalytics, ServerError } from '../../src/index.js';
import { startSandbox } from '../../src/sandbox/index.js';

// A bug in the sandbox's own code (here: a jobDurationMs function that throws) must not pass for
// an ordinary 500: onError hears of it first, and by default it goes to stderr.
const broken = () => {
  throw new Error('bug in the job timing');
};
const window = { startTime: Date.parse('2026-01-01T00:00:00Z'), endTime: Date.parse('2026-01-02T00:00:00Z') };

describe('sandbox internal errors', () => {
  it('are passed to onError, with the request, before the 500', async () => {
    const seen: { error: unknown; method: string; url: string }[] = [];
    const sb = await startSandbox({
      jobDurationMs: broken,
      onError: (error, request) => seen.push({ error, ...request }),
    });
    try {
      const ca = createCareAnalytics({ baseUrl: sb.url, ...sb.credentials, retry: { limit: 0 } });
      await expect(ca.reports.start('author', window)).rejects.toBeInstanceOf(ServerError);
      expect(seen).toHaveLength(1);
      expect(seen[0]?.method).toBe('POST');
      expect(seen[0]?.url).toMatch(/^\/api\/public\/reports\/report\/author\?/);
      expect(seen[0]?.error).toBeInstanceOf(Error);
      expect((seen[0]?.error as Error | undefined)?.message).toBe('bug in the job timing');
    } finally {
      await sb.close();
    }
  });

  it('go to stderr by default, with the companyKey masked', async () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const sb = await startSandbox({ jobDurationMs: broken });
    try {
      const ca = createCareAnalytics({ baseUrl: sb.url, ...sb.credentials, retry: { limit: 0 } });
      await expect(ca.reports.start('author', window)).rejects.toBeInstanceOf(ServerError);
    } finally {
      spy.mockRestore();
      await sb.close();
    }
    const text = written.join('');
    expect(text).toContain(
      'khoros-care-analytics sandbox: internal error on POST /api/public/reports/report/author',
    );
    expect(text).toContain('bug in the job timing');
    expect(text).not.toContain(sb.credentials.companyKey);
  });
});
