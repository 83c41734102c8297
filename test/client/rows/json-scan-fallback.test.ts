import { expect, it, vi } from 'vitest';

// The json readers' suites again, with the JavaScript loop that scans elements where WebAssembly
// SIMD is not available (the kernel is what runs everywhere else, Node 20 included).
vi.mock('../../../src/rows/json-value-kernel.js', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  valueKernel: () => undefined,
}));

it('runs without the WebAssembly kernel', async () => {
  const { valueKernel } = await import('../../../src/rows/json-value-kernel.js');
  expect(valueKernel()).toBeUndefined();
});

await import('./json-array-elements.test.js');
await import('./json-row-reader.test.js');
await import('./json-array-framing.test.js');
await import('../../cli/output/ndjson.test.js');
