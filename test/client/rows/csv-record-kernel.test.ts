import { describe, expect, it } from 'vitest';
import {
  HAS_CONTENT,
  IN_QUOTES,
  type RecordKernel,
  recordKernel,
} from '../../../src/rows/csv-record-kernel.js';
import { recordScan } from '../../../src/rows/csv-record-scan.js';

const encoder = new TextEncoder();

it('is available on this runtime (so the counter suite tests it; csv-count-fallback tests the JavaScript loop)', () => {
  expect(recordKernel()).toBeDefined();
});

describe.each([
  ['the WebAssembly kernel', recordKernel() as RecordKernel],
  ['the JavaScript scan', recordScan],
])('%s', (_, kernel) => {
  /** Lines ended in `text` that are records, and the state after it. */
  const count = (text: string, state = 0) => ({
    records: kernel.count(encoder.encode(text), state),
    state: kernel.state,
  });

  it('counts the lines a chunk ends and says where the next one stands', () => {
    expect(count('A,B\n1,2\n3')).toEqual({ records: 2, state: HAS_CONTENT });
    expect(count('A,B\n"1\n2')).toEqual({ records: 1, state: IN_QUOTES | HAS_CONTENT });
    expect(count('A,B\n\r')).toEqual({ records: 1, state: 0 });
    expect(count('')).toEqual({ records: 0, state: 0 });
  });

  it('starts from the state it is given', () => {
    expect(count('x"\n', IN_QUOTES | HAS_CONTENT)).toEqual({ records: 1, state: 0 });
    expect(count('\r\n', HAS_CONTENT)).toEqual({ records: 1, state: 0 });
    expect(count('\r\n', 0)).toEqual({ records: 0, state: 0 });
    expect(count('', IN_QUOTES | HAS_CONTENT)).toEqual({ records: 0, state: IN_QUOTES | HAS_CONTENT });
  });

  it('counts a chunk of several hundred KiB in one call', () => {
    const line = `${'x'.repeat(99)}\n`;
    expect(count(`${line.repeat(3000)}"${'\n'.repeat(70_000)}`)).toEqual({
      records: 3000,
      state: IN_QUOTES | HAS_CONTENT,
    });
  });
});
