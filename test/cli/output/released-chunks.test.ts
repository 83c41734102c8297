// The CLI releases each chunk of a download once it is written, and the download then reads new
// bytes into its memory: so every rewriter and counter must keep copies, never views, of what it
// holds on to across chunks. Each chunk here is scribbled over once its output has been taken,
// as a read into released memory would; the result must be what the untouched chunks give.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChunkRewriter, RewrittenBytes } from '../../../src/cli/output/chunk-rewriter.js';
import { csvNdjsonRewriter } from '../../../src/cli/output/csv-ndjson-rewriter.js';
import { JsonRowCounter } from '../../../src/cli/output/json-row-counter.js';
import { ndjsonRewriter } from '../../../src/cli/output/ndjson-rewriter.js';
import { CsvRecordCounter } from '../../../src/rows/index.js';

const copyOf = (bytes: RewrittenBytes): Buffer =>
  !bytes ? Buffer.alloc(0) : bytes instanceof Uint8Array ? Buffer.from(bytes) : Buffer.concat([...bytes]);

/** The text in chunks cut at `cuts`, each in memory of its own. */
function chunksOf(text: string, cuts: readonly number[]): Buffer[] {
  const bytes = Buffer.from(text);
  const offsets = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  return [...offsets, bytes.length]
    .map((end, i) => Buffer.from(bytes.subarray(i === 0 ? 0 : (offsets[i - 1] as number), end)))
    .filter((chunk) => chunk.length > 0);
}

/** What `make()` writes for the chunks, each scribbled over (or not) once its output is taken. */
function rewrite(make: () => ChunkRewriter, chunks: readonly Buffer[], scribble: boolean): string {
  const rewriter = make();
  const out: Buffer[] = [];
  for (const original of chunks) {
    const chunk = Buffer.from(original);
    out.push(copyOf(rewriter.push(chunk)));
    if (scribble) chunk.fill('#');
  }
  out.push(copyOf(rewriter.end()));
  return Buffer.concat(out).toString('utf8');
}

/** The row count a counter reaches, each chunk scribbled over (or not) once pushed. */
function count(
  counter: { push(chunk: Uint8Array): void; rows: number },
  chunks: readonly Buffer[],
  scribble: boolean,
) {
  for (const original of chunks) {
    const chunk = Buffer.from(original);
    counter.push(chunk);
    if (scribble) chunk.fill('#');
  }
  return counter.rows;
}

const value = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: fc.constantFrom('"', '\\', '{', '}', ',', '\n', 'é', '🙂') }),
);
const row = fc.dictionary(fc.constantFrom('A', 'B', 'C'), value, { minKeys: 3 });
const rows = fc.array(row, { maxLength: 30 });
const cuts = fc.array(fc.nat(), { maxLength: 12 });
const csvOf = (records: readonly Record<string, string>[]) =>
  `A,B,C\n${records.map((r) => ['A', 'B', 'C'].map((k) => `"${(r[k] ?? '').replaceAll('"', '""')}"`).join(',')).join('\n')}\n`;

describe('released chunks: what the CLI keeps across chunks is copied', () => {
  it('ndjson from json: the same lines whether or not each chunk is scribbled over', () => {
    fc.assert(
      fc.property(rows, cuts, fc.boolean(), (records, at, pretty) => {
        const chunks = chunksOf(JSON.stringify(records, null, pretty ? 1 : undefined), at);
        const make = () => ndjsonRewriter(() => undefined);
        expect(rewrite(make, chunks, true)).toBe(rewrite(make, chunks, false));
      }),
      { numRuns: 300 },
    );
  });

  it('ndjson from csv: the same lines whether or not each chunk is scribbled over', () => {
    fc.assert(
      fc.property(rows, cuts, (records, at) => {
        const chunks = chunksOf(csvOf(records), at);
        const make = () => csvNdjsonRewriter(() => undefined);
        expect(rewrite(make, chunks, true)).toBe(rewrite(make, chunks, false));
      }),
      { numRuns: 300 },
    );
  });

  it('row counts of json and csv: the same whether or not each chunk is scribbled over', () => {
    fc.assert(
      fc.property(rows, cuts, (records, at) => {
        const json = chunksOf(JSON.stringify(records), at);
        expect(count(new JsonRowCounter(), json, true)).toBe(records.length);
        const csv = chunksOf(csvOf(records), at);
        expect(count(new CsvRecordCounter(), csv, true)).toBe(count(new CsvRecordCounter(), csv, false));
      }),
      { numRuns: 300 },
    );
  });
});
