import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonArrayError } from '../../../src/errors/json-array-error.js';
import { JsonArrayElements } from '../../../src/rows/json-array-elements.js';
import { jsonRows } from '../../../src/rows/json-rows.js';
import { chunksOf, collect, streamOf } from '../support/byte-streams.js';
import { document, row, serialize, text, whitespace } from '../support/json-documents.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Every element's text, and whether it was flagged as spanning lines. */
function read(chunks: readonly Uint8Array[]): { texts: string[]; multiline: boolean[] } {
  const texts: string[] = [];
  const multiline: boolean[] = [];
  const elements = new JsonArrayElements((bytes, spansLines) => {
    texts.push(decoder.decode(bytes));
    multiline.push(spansLines);
  });
  for (const chunk of chunks) elements.push(chunk);
  elements.end();
  expect(elements.count).toBe(texts.length);
  return { texts, multiline };
}

function failure(action: () => void): JsonArrayError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(JsonArrayError);
    return error as JsonArrayError;
  }
  throw new Error('expected a JsonArrayError');
}

describe('JsonArrayElements', () => {
  it('yields exactly what JSON.parse of the whole gives, for any whitespace and any chunking', () => {
    fc.assert(
      fc.property(document, ({ rows, spaces, escapeAll, cuts }) => {
        const json = serialize(rows, spaces, escapeAll);
        const expected = JSON.parse(json) as unknown[];
        const { texts } = read(chunksOf(json, cuts));
        expect(texts.map((t) => JSON.parse(t))).toEqual(expected);
        expect(texts.map((t) => JSON.parse(t))).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });

  it('rows() gives the same rows as JSON.parse of the whole, however the body is chunked', async () => {
    await fc.assert(
      fc.asyncProperty(document, async ({ rows, spaces, escapeAll, cuts }) => {
        const json = serialize(rows, spaces, escapeAll);
        expect(await collect(jsonRows(streamOf(chunksOf(json, cuts))))).toEqual(JSON.parse(json));
      }),
      { numRuns: 300 },
    );
  });

  it('frames any JSON element, scalars included, byte for byte', () => {
    const elements = ['1', '-2.5e+3', 'true', 'null', '"a,]\\"b"', '[1,[2]]', '{"a":{"b":"}"}}', '{}', '[]'];
    for (const spacing of ['', ' ', '\n\t']) {
      const json = `[${elements.map((e) => `${spacing}${e}${spacing}`).join(',')}]`;
      expect(read(chunksOf(json, [])).texts).toEqual(elements);
      expect(read(chunksOf(json, [3, 7, 11, 17, 23])).texts).toEqual(elements);
    }
  });

  it('ends strings right wherever a run of backslashes or an escaped quote is cut, empty chunks included', () => {
    const values = [''];
    for (let length = 1; length <= 5; length++) {
      for (const value of values.filter((v) => v.length === length - 1)) {
        for (const c of ['\\', '"', 'a']) values.push(value + c);
      }
    }
    for (const value of values) {
      const json = `[${JSON.stringify({ k: value, l: '\\' })},${JSON.stringify(value)}]`;
      const bytes = encoder.encode(json);
      for (let cut = 0; cut <= bytes.length; cut++) {
        const chunks = [bytes.subarray(0, cut), new Uint8Array(0), bytes.subarray(cut)];
        expect(read(chunks).texts.map((t) => JSON.parse(t))).toEqual([{ k: value, l: '\\' }, value]);
        const counter = new JsonArrayElements();
        for (const chunk of chunks) counter.push(chunk);
        counter.end();
        expect(counter.count).toBe(2);
      }
    }
  });

  it('accepts a leading UTF-8 byte order mark, even split across chunks', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode('[{"a":"1"}]')]);
    expect(read([bytes.subarray(0, 1), bytes.subarray(1, 2), bytes.subarray(2)]).texts).toEqual([
      '{"a":"1"}',
    ]);
    expect(() => read([encoder.encode(' '), bytes])).toThrow(JsonArrayError);
  });

  it('flags elements that span lines outside their strings', () => {
    expect(read(chunksOf('[{"a":"x\\ny"},{\n"a":"1"},\n{"b":null}\n]', [])).multiline).toEqual([
      false,
      true,
      false,
    ]);
  });

  it('rows() names the row that is not valid JSON inside a well-formed array', async () => {
    const body = streamOf(chunksOf('[{"a":"1"},{"a":1 2}]', [14]));
    await expect(collect(jsonRows(body))).rejects.toThrow(
      /^the JSON export is not an array of rows \(row 2 is not valid JSON: .+\)$/,
    );
  });

  it('rows() keeps a __proto__ column as a column', async () => {
    const [row] = await collect(jsonRows(streamOf(chunksOf('[{"__proto__":"x","a":null}]', []))));
    expect(Object.entries(row ?? {})).toEqual([
      ['__proto__', 'x'],
      ['a', null],
    ]);
  });

  it('only counts, keeping no bytes, without a handler', () => {
    const elements = new JsonArrayElements();
    for (const chunk of chunksOf('[{"a":"1"},{"b":"]"},3]', [5, 13])) elements.push(chunk);
    elements.end();
    expect(elements.count).toBe(3);
  });

  it('skips elements parsed elsewhere, counting them and their bytes, only right after a comma', () => {
    const elements = new JsonArrayElements();
    expect(() => elements.skipElements(1, 1)).toThrow(/only allowed at a next element/);
    elements.push(encoder.encode('[{"a":"1"},'));
    expect(elements.atNextElement).toBe(true);
    elements.skipElements('{"a":"2"},{"a":"3"},'.length, 2);
    expect(elements.atNextElement).toBe(true);
    // '[{"a":"1"},' is 11 bytes, the skipped ones 20, then ' {"a":"4"} ' puts the next { at 42.
    const error = failure(() => elements.push(encoder.encode(' {"a":"4"} {"a":"5"}]')));
    expect(error.problem).toBe("a comma is missing before '{' at byte 42");
    expect(elements.count).toBe(4);
  });

  describe('rejects a broken array with a clear error, however chunked', () => {
    /** Runs the reader to the end of `json` and returns its error. */
    const rejection = (json: string, cuts: readonly number[]) =>
      failure(() => {
        const elements = new JsonArrayElements(() => {});
        for (const chunk of chunksOf(json, cuts)) elements.push(chunk);
        elements.end();
      });
    const nonEmpty = document.filter(({ rows }) => rows.length > 0);

    it('a body cut anywhere before its closing ] (missing ])', () => {
      fc.assert(
        fc.property(document, fc.nat(), ({ rows, spaces, escapeAll, cuts }, at) => {
          const json = serialize(rows, spaces, escapeAll);
          const bytes = encoder.encode(json);
          const close = bytes.lastIndexOf(0x5d);
          const cut = decoder.decode(bytes.subarray(0, at % (close + 1)));
          expect(() => JSON.parse(cut)).toThrow();
          const error = rejection(cut, cuts);
          expect(error.message).toMatch(
            /^the JSON export is not an array of rows \(it ends before its closing \]/,
          );
        }),
        { numRuns: 300 },
      );
    });

    it('data after the closing ] (trailing garbage)', () => {
      fc.assert(
        fc.property(
          document,
          whitespace,
          fc.constantFrom('x', ']', ',', '{}', '[]', '0', '"'),
          (doc, ws, junk) => {
            const json = serialize(doc.rows, doc.spaces, doc.escapeAll) + ws + junk;
            expect(() => JSON.parse(json)).toThrow();
            expect(rejection(json, doc.cuts).problem).toMatch(
              /^there is data after the closing \], '.' at byte \d+$/,
            );
          },
        ),
        { numRuns: 200 },
      );
    });

    it('two elements without a comma between them (missing comma)', () => {
      fc.assert(
        fc.property(nonEmpty, row, whitespace, fc.nat(), (doc, extra, ws, where) => {
          const rows = [...doc.rows, extra];
          const json = serialize(rows, doc.spaces, doc.escapeAll);
          // Drop one of the commas between elements (those outside any string, at depth 1).
          const commas = topLevelCommas(json);
          const at = commas[where % commas.length] as number;
          const broken = `${json.slice(0, at)}${ws}${json.slice(at + 1)}`;
          expect(() => JSON.parse(broken)).toThrow();
          expect(rejection(broken, doc.cuts).problem).toMatch(/^a comma is missing before '\{' at byte \d+$/);
        }),
        { numRuns: 200 },
      );
    });

    it('a top-level value that is not an array', () => {
      fc.assert(
        fc.property(
          fc.oneof(row, text, fc.integer(), fc.boolean(), fc.constant(null)),
          whitespace,
          fc.array(fc.nat()),
          (value, ws, cuts) => {
            const json = `${ws}${JSON.stringify(value)}`;
            expect(rejection(json, cuts).problem).toMatch(
              /^it does not start with \[ but with '.' at byte \d+$/,
            );
          },
        ),
        { numRuns: 200 },
      );
    });

    it.each([
      ['a trailing comma', '[{"a":"1"},]', /^a comma is followed by \] at byte 11$/],
      ['two commas', '[{"a":"1"},,{"a":"2"}]', /^an element starts with ',' at byte 11$/],
      ['a leading comma', '[,{"a":"1"}]', /^an element starts with ',' at byte 1$/],
      ['an empty body', '', /^it ends before its closing \], after 0 bytes$/],
      ['a body cut inside a string', '[{"a":"1', /^it ends before its closing \], after 8 bytes$/],
      ['a body cut inside a number', '[1', /^it ends before its closing \]/],
    ])('%s', (_name, json, problem) => {
      expect(rejection(json, []).problem).toMatch(problem);
    });
  });
});

/** Offsets of the commas that separate the top-level array's elements. */
function topLevelCommas(json: string): number[] {
  const commas: number[] = [];
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) commas.push(i);
  }
  return commas;
}
