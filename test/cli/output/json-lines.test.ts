// The csv → ndjson line writer must give exactly JSON.stringify's bytes for the rows CsvRecords
// makes, whatever the header names (integer-like, duplicated, __proto__) and the values hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonLines } from '../../../src/cli/output/json-lines.js';
import { CsvRecords } from '../../../src/rows/index.js';

const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '"',
      '\\',
      ',',
      '\n',
      '\r',
      '\t',
      '\u0000',
      '\u001f',
      '\u007f',
      '\u2028',
      '\ud800',
      '\udc00',
      '🙂',
      'é',
    ),
    fc.string({ minLength: 1, maxLength: 1 }),
  ),
  maxLength: 12,
});
// No line break in names: CsvRecords takes the line break from the end of the header row.
const name = fc.oneof(
  text.filter((n) => !/[\r\n]/.test(n)),
  fc.constantFrom('__proto__', '1', '01', '10', '-1', 'constructor', 'A'),
);
const quote = (field: string) => `"${field.replaceAll('"', '""')}"`;

describe('jsonLines', () => {
  it('writes what JSON.stringify writes, for any header and any values', () => {
    fc.assert(
      fc.property(
        fc.array(name, { minLength: 1, maxLength: 6 }).chain((header) =>
          fc.tuple(
            fc.constant(header),
            fc.array(fc.array(text, { minLength: header.length, maxLength: header.length }), {
              maxLength: 5,
            }),
          ),
        ),
        ([header, records]) => {
          const csv = [header, ...records].map((fields) => `${fields.map(quote).join(',')}\n`).join('');
          const reader = new CsvRecords();
          const rows = [...reader.push(csv), ...reader.end()];
          const lineOf = jsonLines();
          expect(rows.map(lineOf)).toEqual(rows.map((row) => JSON.stringify(row)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps the order JSON.stringify uses: integer-like names first, the rest as in the header', () => {
    const reader = new CsvRecords();
    const [row] = reader.push('b,2,a,1\nx,y,"q""",z\n');
    expect(jsonLines()(row ?? {})).toBe('{"1":"z","2":"y","b":"x","a":"q\\""}');
  });
});
