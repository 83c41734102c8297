import { describe, expect, it } from 'vitest';
import { shippedImports } from './support/import-graph.js';

describe('public surface', () => {
  it('openapi-fetch is imported by exactly one module, so it can be swapped', () => {
    const importers = shippedImports().filter((imp) => imp.specifier === 'openapi-fetch');
    // Its runtime: one module. Its Client type also names the public type of `ca.raw`.
    expect(importers.filter((imp) => !imp.typeOnly).map((imp) => imp.from)).toEqual([
      'src/internal/transport/openapi-fetch-client.ts',
    ]);
    expect(importers.filter((imp) => imp.typeOnly).map((imp) => imp.from)).toEqual([
      'src/types/raw-client.ts',
    ]);
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
