import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../../src', import.meta.url));

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? sources(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))),
  );
  return nested.flat().filter((f) => f.endsWith('.ts'));
}

describe('architecture', () => {
  it('openapi-fetch is imported by exactly one module, so it can be swapped', async () => {
    const importers: string[] = [];
    for (const file of await sources(src)) {
      if (/from 'openapi-fetch'/.test(await readFile(file, 'utf8'))) importers.push(relative(src, file));
    }
    expect(importers).toEqual(['internal/transport/openapi-fetch-client.ts']);
  });

  it('the public entry exports no internal values beyond the factory, errors and report types', async () => {
    const api = await import('../../src/index.js');
    expect(Object.keys(api).sort()).toEqual(
      [
        'ApiError',
        'AuthenticationError',
        'CareAnalyticsError',
        'ConnectionError',
        'CsvFormatError',
        'JsonArrayError',
        'RangeExportError',
        'RateLimitError',
        'ReportFailedError',
        'ServerError',
        'TimeoutError',
        'ValidationError',
        'createCareAnalytics',
        'reportTypes',
      ].sort(),
    );
  });
});
