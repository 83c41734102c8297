import type { Row } from '../../rows/index.js';

// What JSON.stringify would escape in a string: quotes, backslashes, control characters, and
// surrogates (a lone one is escaped; a pair is left to JSON.stringify, which keeps it).
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * `JSON.stringify(row)`, byte for byte, for rows that all have the keys of the first one (the rows
 * of one csv header): the key prefixes are built once and only the values are written per row.
 * 1.5–2× faster than JSON.stringify of each row object (200,000 export rows), which walks the keys
 * of every row.
 */
export function jsonLines(): (row: Row) => string {
  let keys: string[] | undefined;
  let prefixes: string[] = [];
  return (row) => {
    if (!keys) {
      // Object.keys gives the order JSON.stringify uses (integer-like names first).
      keys = Object.keys(row);
      prefixes = keys.map((key, i) => `${i === 0 ? '{' : ','}${JSON.stringify(key)}:`);
    }
    if (keys.length === 0) return '{}';
    let line = '';
    for (let i = 0; i < keys.length; i++) {
      const value = row[keys[i] as string];
      line +=
        prefixes[i] +
        (typeof value === 'string' && !NEEDS_ESCAPE.test(value) ? `"${value}"` : JSON.stringify(value));
    }
    return `${line}}`;
  };
}
