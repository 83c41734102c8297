import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonRowCounter } from '../../../src/cli/output/json-row-counter.js';
import { CsvRecordCounter } from '../../../src/rows/csv-record-counter.js';

const encoder = new TextEncoder();

/** Feeds `text` to `push` in the chunks `cuts` splits it into (cuts are byte offsets). */
function feed(push: (chunk: Uint8Array) => void, text: string, cuts: number[]): void {
  const bytes = encoder.encode(text);
  let from = 0;
  for (const cut of [...cuts.map((c) => c % (bytes.length + 1))].sort((a, b) => a - b)) {
    push(bytes.subarray(from, cut));
    from = Math.max(from, cut);
  }
  push(bytes.subarray(from));
}

const field = fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\n', '\r\n', ' ', '1', '🙂') });
const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;

describe('CsvRecordCounter', () => {
  it('counts rows below the header', () => {
    const counter = new CsvRecordCounter();
    counter.push(encoder.encode('A,B\n1,2\n3,4\n'));
    expect(counter.rows).toBe(2);
  });

  it('counts an unterminated last line, CRLF, and ignores blank lines', () => {
    const counter = new CsvRecordCounter();
    counter.push(encoder.encode('A,B\r\n1,2\r\n\r\n3,4'));
    expect(counter.rows).toBe(2);
    expect(new CsvRecordCounter().rows).toBe(0);
  });

  it('does not count newlines inside quoted fields', () => {
    const counter = new CsvRecordCounter();
    counter.push(encoder.encode('A,B\n"line1\nline2","say ""hi"""\n'));
    expect(counter.rows).toBe(1);
  });

  it('agrees with csv-parse on unquoted CSV, LF or CRLF, with blank lines, however it is chunked', () => {
    const plain = fc.string({ unit: fc.constantFrom('a', 'é', ' ', '1', '🙂') });
    fc.assert(
      fc.property(
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.tuple(plain, plain, fc.boolean()), { maxLength: 10 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.boolean(),
        (eol, rows, cuts, trailingNewline) => {
          const lines = [
            'H1,H2',
            ...rows.flatMap(([a, b, blank]) => (blank ? ['', `x${a},${b}`] : [`x${a},${b}`])),
          ];
          const text = lines.join(eol) + (trailingNewline ? eol : '');
          const counter = new CsvRecordCounter();
          feed((chunk) => counter.push(chunk), text, cuts);
          const parsed = parse(text, { columns: true, skip_empty_lines: true }) as unknown[];
          expect(counter.rows).toBe(parsed.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees with csv-parse on any quoted CSV, however it is chunked', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 2, maxLength: 2 }), { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.boolean(),
        (rows, cuts, trailingNewline) => {
          const lines = [['H1', 'H2'], ...rows].map((row) => row.map(quote).join(','));
          const text = lines.join('\n') + (trailingNewline ? '\n' : '');
          const counter = new CsvRecordCounter();
          feed((chunk) => counter.push(chunk), text, cuts);
          const parsed = parse(text, { columns: true, skip_empty_lines: true }) as unknown[];
          expect(counter.rows).toBe(parsed.length);
        },
      ),
    );
  });
});

describe('JsonRowCounter', () => {
  it('counts the objects of a top-level array, ignoring braces inside strings', () => {
    const counter = new JsonRowCounter();
    counter.push(encoder.encode('[{"a":"{[}]\\"{"},{"b":null},{"c":{"d":[1,{}]}}]'));
    expect(counter.rows).toBe(3);
  });

  it('counts an empty export as zero rows', () => {
    const counter = new JsonRowCounter();
    counter.push(encoder.encode('[ ]'));
    expect(counter.rows).toBe(0);
  });

  it('agrees with JSON.parse on arrays of flat string rows, however they are chunked', () => {
    fc.assert(
      fc.property(
        fc.array(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.constant(null))), { maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (rows, cuts) => {
          const text = JSON.stringify(rows, null, rows.length % 2 === 0 ? 2 : undefined);
          const counter = new JsonRowCounter();
          feed((chunk) => counter.push(chunk), text, cuts);
          expect(counter.rows).toBe(rows.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
