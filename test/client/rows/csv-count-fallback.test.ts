import { expect, it, vi } from 'vitest';

// The csv record counter's suite again, with the JavaScript scan that runs where WebAssembly SIMD
// is not available (the kernel is what runs everywhere else, Node 20 included).
vi.mock('../../../src/rows/csv-record-kernel.js', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  recordKernel: () => undefined,
}));

it('runs without the WebAssembly kernel', async () => {
  const { recordKernel } = await import('../../../src/rows/csv-record-kernel.js');
  expect(recordKernel()).toBeUndefined();
});

await import('./csv-record-counter.test.js');
