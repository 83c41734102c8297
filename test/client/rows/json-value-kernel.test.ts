import { describe, expect, it } from 'vitest';
import { JsonArrayElements } from '../../../src/rows/json-array-elements.js';
import { ESCAPED, IN_STRING, MULTILINE, valueKernel } from '../../../src/rows/json-value-kernel.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

describe('the WebAssembly element scanner', () => {
  it('is available on this runtime (so the other suites test it; json-scan-fallback tests the loop)', () => {
    expect(valueKernel()).toBeDefined();
  });

  const kernel = valueKernel() as NonNullable<ReturnType<typeof valueKernel>>;
  /** Scans `text` from `from`: [end, multiline] if the element ends, else [depth, flags]. */
  const scan = (text: string, from: number, depth: number, flags: number) => {
    const result = kernel.scan(encoder.encode(text), from, depth, flags);
    return result >= 0
      ? { end: result >>> 1, multiline: (result & 1) === 1 }
      : { depth: kernel.depth, flags: kernel.flags };
  };

  it('finds where an element ends, past escapes, brackets in strings and long strings', () => {
    expect(scan('{"a":"b"},', 1, 1, 0)).toEqual({ end: 9, multiline: false });
    expect(scan('"abc\\"def",', 1, 0, IN_STRING)).toEqual({ end: 10, multiline: false });
    expect(scan(`{"a":"${'x'.repeat(40)}\\\\"}`, 1, 1, 0)).toEqual({ end: 50, multiline: false });
    expect(scan(`{"a":"${'}]x\\"'.repeat(40)}","b":[{}]}`, 1, 1, 0)).toEqual({
      end: 6 + 200 + 11,
      multiline: false,
    });
    expect(scan('{"a":\n"b\\n"}', 1, 1, 0)).toEqual({ end: 12, multiline: true });
  });

  it('carries the state over a chunk end: depth, inside a string, after a backslash, line break seen', () => {
    expect(scan('{"a":{"b":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 1, 1, 0)).toEqual({
      depth: 2,
      flags: IN_STRING,
    });
    expect(scan('{"a":"xx\\', 1, 1, 0)).toEqual({ depth: 1, flags: IN_STRING | ESCAPED });
    expect(scan('"}', 0, 1, IN_STRING | ESCAPED)).toEqual({ depth: 1, flags: IN_STRING });
    expect(scan('\n', 0, 1, 0)).toEqual({ depth: 1, flags: MULTILINE });
    expect(scan('"}', 0, 1, IN_STRING | MULTILINE)).toEqual({ end: 2, multiline: true });
  });

  it('reads a buffer handed over again with new bytes afresh', () => {
    const texts: string[] = [];
    const elements = new JsonArrayElements((bytes) => texts.push(decoder.decode(bytes)));
    const buffer = new Uint8Array(13);
    // Elements whole in each chunk: one that spans chunks is kept as a view of the chunk it began in.
    for (const piece of ['[{"a":"1"},', '{"b":"2"},', '{"c":"3"}]']) {
      buffer.set(encoder.encode(piece.padEnd(13)));
      elements.push(buffer);
    }
    elements.end();
    expect(texts).toEqual(['{"a":"1"}', '{"b":"2"}', '{"c":"3"}']);
  });

  it('takes chunks larger than its memory, and a handler pushing another reader meanwhile', () => {
    const row = (i: number) => JSON.stringify({ id: String(i), note: 'n'.repeat(5000) });
    const big = encoder.encode(`[${Array.from({ length: 300 }, (_, i) => row(i)).join(',')}]`);
    const inner = new JsonArrayElements();
    const seen: string[] = [];
    const outer = new JsonArrayElements((bytes) => {
      inner.push(encoder.encode('[{"x":"1"},'));
      seen.push((JSON.parse(decoder.decode(bytes)) as { id: string }).id);
    });
    outer.push(big);
    outer.end();
    expect(seen).toEqual(Array.from({ length: 300 }, (_, i) => String(i)));
  });
});
