import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonArrayError } from '../../../src/errors/json-array-error.js';
import { JsonArrayElements } from '../../../src/rows/json-array-elements.js';
import { type ReferenceElement, referenceFraming } from '../support/json-framing-reference.js';

// The framing against JSON.parse and against a plain byte-by-byte framing, on any JSON elements
// (long strings that cross the kernel's 64-byte steps, escapes, brackets inside strings,
// whitespace and line breaks between tokens), cut into chunks anywhere: 1-byte chunks, random
// cuts, and chunks larger than the kernel's starting memory.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const character = fc.constantFrom(
  '"',
  '\\',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '\n',
  'a',
  ' ',
  'é',
  '🙂',
  '\u0001',
);
const string = fc.oneof(
  fc.string({ unit: character, maxLength: 20 }),
  fc.string({ unit: character, minLength: 40, maxLength: 300 }),
  fc.string({ unit: fc.constantFrom('\\', '"', 'x'), maxLength: 140 }),
);
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    string,
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.constantFrom(true, false, null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(string, tie('value'), { maxKeys: 5 }),
  ),
}));
const whitespace = fc.string({ unit: fc.constantFrom(' ', '\n', '\r\n', '\t'), maxLength: 2 });
const document = fc.record({
  elements: fc.array(value, { maxLength: 12 }),
  spaces: fc.array(whitespace, { maxLength: 6 }),
});

/** The document's text and each element's text, with whitespace from `spaces` between all tokens. */
function serialize(elements: readonly unknown[], spaces: readonly string[]) {
  let n = 0;
  const ws = () => (spaces.length === 0 ? '' : (spaces[n++ % spaces.length] ?? ''));
  const write = (v: unknown): string => {
    if (Array.isArray(v)) return `[${ws()}${v.map((e) => `${write(e)}${ws()}`).join(`,${ws()}`)}]`;
    if (v !== null && typeof v === 'object') {
      const members = Object.entries(v).map(
        ([k, e]) => `${JSON.stringify(k)}${ws()}:${ws()}${write(e)}${ws()}`,
      );
      return `{${ws()}${members.join(`,${ws()}`)}}`;
    }
    return JSON.stringify(v);
  };
  const texts = elements.map(write);
  const text = `${ws()}[${ws()}${texts.map((t) => `${t}${ws()}`).join(`,${ws()}`)}]${ws()}`;
  return { text, texts };
}

/** Cuts bytes at the offsets `cuts` (modulo its length), or into `size`-byte chunks. */
function cut(bytes: Uint8Array, cuts: readonly number[] | number): Uint8Array[] {
  if (typeof cuts === 'number') {
    const chunks: Uint8Array[] = [];
    for (let at = 0; at < bytes.length; at += cuts) chunks.push(bytes.subarray(at, at + cuts));
    return chunks;
  }
  const offsets = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  return [...offsets, bytes.length].map((end, k) => bytes.subarray(k === 0 ? 0 : offsets[k - 1], end));
}

/** Frames the chunks: the elements' texts and multiline flags, the count, and the problem if any. */
function frame(chunks: readonly Uint8Array[], handler = true) {
  const texts: string[] = [];
  const multiline: boolean[] = [];
  const elements = new JsonArrayElements(
    handler
      ? (bytes, spansLines) => {
          texts.push(decoder.decode(bytes));
          multiline.push(spansLines);
        }
      : undefined,
  );
  let problem: string | undefined;
  try {
    for (const chunk of chunks) elements.push(chunk);
    elements.end();
  } catch (error) {
    if (!(error instanceof JsonArrayError)) throw error;
    problem = error.problem;
  }
  return { texts, multiline, count: elements.count, problem };
}

const expected = (bytes: Uint8Array, reference: readonly ReferenceElement[]) => ({
  texts: reference.map((e) => decoder.decode(bytes.subarray(e.start, e.end))),
  multiline: reference.map((e) => e.multiline),
});

describe('the json array framing', () => {
  it('gives the elements JSON.parse gives, byte for byte, in chunks of 1 byte or cut anywhere', () => {
    fc.assert(
      fc.property(document, fc.array(fc.nat(), { maxLength: 12 }), ({ elements, spaces }, cuts) => {
        const { text, texts } = serialize(elements, spaces);
        const parsed = JSON.parse(text) as unknown[];
        const bytes = encoder.encode(text);
        for (const chunks of [cut(bytes, cuts), cut(bytes, 1), [bytes]]) {
          const framed = frame(chunks);
          expect(framed.problem).toBeUndefined();
          expect(framed.count).toBe(parsed.length);
          expect(framed.texts).toEqual(texts);
          expect(framed.texts.map((t) => JSON.parse(t))).toEqual(parsed);
          expect(framed.multiline).toEqual(texts.map((t) => /[\r\n]/.test(t)));
          expect(frame(chunks, false).count).toBe(parsed.length);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('frames chunks larger than 64 KiB, and more elements than one kernel call records', () => {
    fc.assert(
      fc.property(
        document.filter(({ elements }) => elements.length > 0),
        fc.integer({ min: 70_000, max: 300_000 }),
        fc.nat(),
        ({ elements, spaces }, size, at) => {
          const once = JSON.stringify(elements).length;
          const many = Array.from({ length: Math.ceil(size / once) }, () => elements).flat();
          const { text, texts } = serialize(many, spaces);
          const bytes = encoder.encode(text);
          const split = at % bytes.length;
          for (const chunks of [[bytes], [bytes.subarray(0, split), bytes.subarray(split)]]) {
            const framed = frame(chunks);
            expect(framed.problem).toBeUndefined();
            expect(framed.texts).toEqual(texts);
            expect(frame(chunks, false).count).toBe(texts.length);
          }
        },
      ),
      { numRuns: 12 },
    );
  });

  it('breaks where the byte-by-byte framing breaks, with its message, after the same elements', () => {
    const edit = fc.record({
      kind: fc.constantFrom('insert', 'delete', 'truncate'),
      at: fc.nat(),
      byte: fc.constantFrom(...'[]{},"\\ \nx1-'.split('').map((c) => c.charCodeAt(0))),
    });
    fc.assert(
      fc.property(
        document,
        fc.array(edit, { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat()),
        (doc, edits, cuts) => {
          let bytes = encoder.encode(serialize(doc.elements, doc.spaces).text);
          for (const { kind, at, byte } of edits) {
            const where = at % (bytes.length + 1);
            const rest =
              kind === 'delete'
                ? bytes.subarray(where + 1)
                : kind === 'truncate'
                  ? []
                  : bytes.subarray(where);
            bytes = new Uint8Array([
              ...bytes.subarray(0, where),
              ...(kind === 'insert' ? [byte] : []),
              ...rest,
            ]);
          }
          const reference = referenceFraming(bytes);
          for (const chunks of [cut(bytes, cuts), cut(bytes, 1)]) {
            const framed = frame(chunks);
            expect(framed.problem).toBe(reference.problem);
            expect({ texts: framed.texts, multiline: framed.multiline }).toEqual(
              expected(bytes, reference.elements),
            );
            const counted = frame(chunks, false);
            expect({ problem: counted.problem, count: counted.count }).toEqual({
              problem: reference.problem,
              count: reference.elements.length,
            });
          }
        },
      ),
      { numRuns: 600 },
    );
  });

  it('keeps its place when its handler pushes another reader through the same kernel', () => {
    fc.assert(
      fc.property(document, fc.array(fc.nat(), { maxLength: 12 }), ({ elements, spaces }, cuts) => {
        const { text, texts } = serialize(elements, spaces);
        const inner = new JsonArrayElements();
        inner.push(encoder.encode('[{"x":"'));
        const seen: string[] = [];
        const outer = new JsonArrayElements((bytes) => {
          seen.push(decoder.decode(bytes));
          // Completes the inner reader's element and leaves it inside the next one.
          inner.push(encoder.encode(`${'y'.repeat(100)}"},{"x":"`));
        });
        for (const chunk of cut(encoder.encode(text), cuts)) outer.push(chunk);
        outer.end();
        expect(seen).toEqual(texts);
        expect(inner.count).toBe(texts.length);
      }),
      { numRuns: 200 },
    );
  });

  it('frames a backslash outside strings as the byte-by-byte framing does (not JSON, but framed alike)', () => {
    const row = `{"a":"${'x'.repeat(20)}"\\"b":"}"}`;
    const bytes = encoder.encode(`[${row},${row}]`);
    const reference = referenceFraming(bytes);
    expect(frame([bytes])).toMatchObject({
      ...expected(bytes, reference.elements),
      problem: reference.problem,
    });
  });
});
