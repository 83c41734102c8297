import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { transformOf } from '../../../src/cli/output/chunk-rewriter.js';
import { ndjsonRewriter } from '../../../src/cli/output/ndjson-rewriter.js';

/** Runs `text`, cut into chunks at `cuts`, through the transform. */
async function convert(text: string, cuts: number[] = []): Promise<{ lines: string[]; rows: number }> {
  const bytes = Buffer.from(text);
  const offsets = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks = [...offsets, bytes.length].map((end, index) =>
    bytes.subarray(index === 0 ? 0 : offsets[index - 1], end),
  );
  let rows = 0;
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (part: Buffer) => parts.push(part));
  await pipeline(
    Readable.from(chunks.filter((chunk) => chunk.length > 0)),
    transformOf(ndjsonRewriter(() => rows++)),
    out,
  );
  const output = Buffer.concat(parts).toString('utf8');
  return { lines: output === '' ? [] : output.slice(0, -1).split('\n'), rows };
}

const value = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom('"', '\\', '{', '}', '[', ']', ',', '\n', 'é', '🙂', '\u2028') }),
  fc.constant(null),
);
const row = fc.dictionary(fc.string(), value, { maxKeys: 6 });

describe('ndjsonRewriter', () => {
  it('writes one row per line, byte for byte as sent', async () => {
    const { lines, rows } = await convert('[{"A":"1","B":"x\\ny"},\n  {"A":"2","B":null}]\n');
    expect(lines).toEqual(['{"A":"1","B":"x\\ny"}', '{"A":"2","B":null}']);
    expect(rows).toBe(2);
  });

  it('agrees with JSON.parse for any array of rows, compact or pretty-printed, however chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.boolean(),
        async (data, cuts, pretty) => {
          const { lines, rows } = await convert(JSON.stringify(data, null, pretty ? 2 : undefined), cuts);
          expect(lines.map((line) => JSON.parse(line))).toEqual(data);
          expect(rows).toBe(data.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('hands back a compact chunk as views of itself, its commas turned into newlines', () => {
    const chunk = Buffer.from('[{"A":"1"},{"A":"2"},{"A":"3"},{"A"');
    const rewriter = ndjsonRewriter(() => undefined);
    const out = rewriter.push(chunk);
    const parts = out instanceof Uint8Array || out === undefined ? [out] : out;
    expect(parts.map((part) => part?.buffer === chunk.buffer)).toEqual([true]);
    expect(Buffer.concat(parts as Uint8Array[]).toString()).toBe('{"A":"1"}\n{"A":"2"}\n{"A":"3"}\n');
    const rest = rewriter.push(Buffer.from(':"4"}]'));
    expect(
      Buffer.concat(rest instanceof Uint8Array || !rest ? [rest ?? Buffer.alloc(0)] : rest).toString(),
    ).toBe('{"A":"4"}\n');
  });

  it('handles nested values inside a row', async () => {
    const { lines } = await convert('[{"a":{"b":[1,{"c":"]}"}]}}]');
    expect(JSON.parse(lines[0] ?? '')).toEqual({ a: { b: [1, { c: ']}' }] } });
  });

  it.each([
    ['not an array', '{"A":"1"}', 'does not start with ['],
    ['scalar rows', '["a","b"]', 'a row is not an object'],
    ['cut short', '[{"A":"1"},{"A":', 'ends before its closing ]'],
    ['cut inside a string', '[{"A":"1', 'ends before its closing ]'],
    ['data after the array', '[{"A":"1"}] x', 'data after the closing ]'],
    ['empty body', '', 'ends before its closing ]'],
    [
      'an invalid row over several lines',
      '[{"A":\n 1 2}]',
      'a row spread over several lines is not valid JSON',
    ],
  ])('refuses %s', async (_name, text, problem) => {
    await expect(convert(text)).rejects.toThrow(problem);
  });

  it('accepts an empty export', async () => {
    expect(await convert(' [ ] ')).toEqual({ lines: [], rows: 0 });
  });
});
