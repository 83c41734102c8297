// Export-shaped JSON documents for the json row readers' property tests: flat objects of strings
// or nulls, with the characters that trip byte scanners (quotes, backslashes, brackets, multi-byte
// UTF-8, line separators, control codes, row boundaries inside strings), any whitespace between
// tokens, and any chunking.
import fc from 'fast-check';

export const text = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({
    unit: fc.constantFrom('"', '\\', '{', '}', '[', ']', ',', ':', '\n', 'é', '€', '🙂', '\u2028', '\u0001'),
  }),
  fc.string({ unit: fc.constantFrom('},{', '"},{"', '}, {', '}\n,\n{', '\\', '"', 'a') }),
);
export const row = fc.dictionary(text, fc.oneof(text, fc.constant(null)), { maxKeys: 6 });
export const whitespace = fc.string({ unit: fc.constantFrom(' ', '\n', '\r\n', '\t'), maxLength: 3 });

/** JSON text of `value`; `escapeAll` writes every non-ASCII character as a \u escape. */
function stringLiteral(value: string, escapeAll: boolean): string {
  const literal = JSON.stringify(value);
  return escapeAll
    ? literal.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    : literal;
}

/** Serializes rows with whitespace drawn from `spaces` (cycled) between every pair of tokens. */
export function serialize(
  rows: readonly Record<string, string | null>[],
  spaces: readonly string[],
  escapeAll: boolean,
) {
  let n = 0;
  const ws = () => (spaces.length === 0 ? '' : (spaces[n++ % spaces.length] ?? ''));
  const value = (v: string | null) => (v === null ? 'null' : stringLiteral(v, escapeAll));
  const object = (r: Record<string, string | null>) =>
    `{${ws()}${Object.entries(r)
      .map(([k, v]) => `${stringLiteral(k, escapeAll)}${ws()}:${ws()}${value(v)}`)
      .join(`${ws()},${ws()}`)}${ws()}}`;
  return `${ws()}[${ws()}${rows.map((r) => `${object(r)}${ws()}`).join(`,${ws()}`)}]${ws()}`;
}

export const document = fc.record({
  rows: fc.array(row, { maxLength: 10 }),
  spaces: fc.array(whitespace, { maxLength: 5 }),
  escapeAll: fc.boolean(),
  cuts: fc.array(fc.nat(), { maxLength: 10 }),
});
