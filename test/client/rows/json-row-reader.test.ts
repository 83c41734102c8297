import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JsonArrayError } from '../../../src/errors/json-array-error.js';
import { JsonArrayElements } from '../../../src/rows/json-array-elements.js';
import { jsonRows } from '../../../src/rows/json-rows.js';
import { type Row, toRow } from '../../../src/rows/row.js';
import { chunksOf, streamOf } from '../support/byte-streams.js';
import { document, serialize } from '../support/json-documents.js';

// JsonRowReader parses runs of rows without scanning them, and scans only where a parse fails:
// whatever the body and its chunking, rows() must give what the scanner alone would, rows and
// errors alike (the scanner names the byte where the array breaks, JSON.parse of each element the
// row that is broken).

const decoder = new TextDecoder();

/** What the scanner alone finds in `json`: its elements' texts, and the array's own error. */
function scanned(json: string): { elements: string[]; error?: string } {
  const elements: string[] = [];
  const reader = new JsonArrayElements((bytes) => elements.push(decoder.decode(bytes)));
  try {
    reader.push(new TextEncoder().encode(json));
    if (reader.started) reader.end();
    return { elements };
  } catch (error) {
    return { elements, error: (error as Error).message };
  }
}

/** The error rows() may give for `elements`: the first that is not JSON, the first that is no object. */
function elementErrors(elements: readonly string[]): string[] {
  const errors: string[] = [];
  const firstNotJson = elements.findIndex((text, index) => {
    try {
      JSON.parse(text);
      return false;
    } catch (error) {
      const problem = `row ${index + 1} is not valid JSON: ${(error as Error).message}`;
      errors.push(new JsonArrayError(problem).message);
      return true;
    }
  });
  for (const text of firstNotJson < 0 ? elements : elements.slice(0, firstNotJson)) {
    try {
      toRow(JSON.parse(text));
    } catch (error) {
      errors.push((error as Error).message);
      break;
    }
  }
  return errors;
}

async function outcome(chunks: readonly Uint8Array[]): Promise<{ rows: Row[]; error?: string }> {
  const rows: Row[] = [];
  try {
    for await (const row of jsonRows(streamOf(chunks))) rows.push(row);
    return { rows };
  } catch (error) {
    return { rows, error: (error as Error).message };
  }
}

const edit = fc.record({
  at: fc.nat(),
  remove: fc.boolean(),
  insert: fc.constantFrom(',', ']', '}', '{', '"', '\\', ' ', 'x', '1', '},{', '\uFEFF', ''),
});

describe('json rows(), parsed in runs', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('gives the rows of JSON.parse of the whole, even with row boundaries inside strings', async () => {
    await fc.assert(
      fc.asyncProperty(document, async ({ rows, spaces, escapeAll, cuts }) => {
        const json = serialize(rows, spaces, escapeAll);
        expect(await outcome(chunksOf(json, cuts))).toEqual({ rows: JSON.parse(json) });
      }),
      { numRuns: 300 },
    );
  });

  it('fails on a broken body exactly where the scanner and JSON.parse of each element do', async () => {
    await fc.assert(
      fc.asyncProperty(document, fc.array(edit, { minLength: 1, maxLength: 2 }), async (doc, edits) => {
        let json = serialize(doc.rows, doc.spaces, doc.escapeAll);
        for (const { at, remove, insert } of edits) {
          const i = at % (json.length + 1);
          json = json.slice(0, i) + insert + json.slice(remove ? i + 1 : i);
        }
        const reference = scanned(json);
        const errors = [...(reference.error ? [reference.error] : []), ...elementErrors(reference.elements)];
        const got = await outcome(chunksOf(json, doc.cuts));
        if (errors.length === 0) {
          // Rows are what toRow makes of each element (an edit can turn a cell into a number).
          expect(got).toEqual({ rows: reference.elements.map((text) => toRow(JSON.parse(text))) });
        } else {
          expect(errors).toContain(got.error);
          // What came before the error is the body's first rows.
          expect(got.rows).toEqual(
            reference.elements.slice(0, got.rows.length).map((t) => toRow(JSON.parse(t))),
          );
        }
      }),
      { numRuns: 500 },
    );
  });

  const big = (n: number, row: (i: number) => string) =>
    `[${Array.from({ length: n }, (_, i) => row(i)).join(',')}]`;
  const cutEvery = (json: string, size: number) =>
    chunksOf(
      json,
      Array.from({ length: Math.ceil(json.length / size) }, (_, i) => i * size),
    );

  it('skips the scanner for runs it parses, and names a late broken byte or row exactly', async () => {
    const skip = vi.spyOn(JsonArrayElements.prototype, 'skipElements');
    const json = big(3000, (i) => JSON.stringify({ id: String(i), note: i % 7 ? 'x' : 'a "note"' }));
    expect((await outcome(cutEvery(json, 4096))).rows).toEqual(JSON.parse(json));
    // All but the first chunk's rows and the last few.
    const skipped = () => skip.mock.calls.reduce((sum, [, elements]) => sum + elements, 0);
    expect(skipped()).toBeGreaterThan(2800);

    // Row boundaries inside strings: those parses fail and are scanned, the others still parsed.
    skip.mockClear();
    const tricky = big(3000, (i) => JSON.stringify({ id: String(i), note: i % 7 ? 'x' : '"},{"a":"' }));
    expect((await outcome(cutEvery(tricky, 4096))).rows).toEqual(JSON.parse(tricky));
    expect(skipped()).toBeGreaterThan(1000);

    const at = json.indexOf('{"id":"2900"') - 1; // the comma before row 2901
    const noComma = `${json.slice(0, at)} ${json.slice(at + 1)}`;
    expect((await outcome(cutEvery(noComma, 4096))).error).toBe(scanned(noComma).error);
    expect(scanned(noComma).error).toMatch(/a comma is missing before '\{' at byte \d+\)$/);

    const badRow = json.replace('{"id":"2900"', '{"id":2900 1');
    expect((await outcome(cutEvery(badRow, 4096))).error).toMatch(/\(row 2901 is not valid JSON: /);
  });

  it('scans a body whose chunks hold no row boundary (one long row, or no objects)', async () => {
    const long = big(3, (i) => JSON.stringify({ id: String(i), note: 'n'.repeat(3_000_000) }));
    expect((await outcome(cutEvery(long, 65536))).rows).toEqual(JSON.parse(long));
    const numbers = big(2000, (i) => String(i));
    expect((await outcome(cutEvery(numbers, 4096))).error).toMatch(/to be an object/);
  });
});
