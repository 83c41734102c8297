// The json array framing spelled out plainly, one byte at a time over the whole body, as the oracle
// of the framing's differential tests: the elements (where each starts and ends, whether it spans
// lines outside its strings) and the first JsonArrayError problem, named as the readers name it.

export interface ReferenceElement {
  start: number;
  end: number;
  multiline: boolean;
}

const isWhitespace = (b: number | undefined) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
const isScalarByte = (b: number) =>
  (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7a) || [0x2d, 0x2b, 0x2e, 0x45].includes(b);
const show = (b: number) =>
  b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `0x${b.toString(16).padStart(2, '0')}`;

export function referenceFraming(bytes: Uint8Array): { elements: ReferenceElement[]; problem?: string } {
  const elements: ReferenceElement[] = [];
  const n = bytes.length;
  const cutShort = { elements, problem: `it ends before its closing ], after ${n} bytes` };
  const fail = (problem: string, at: number) => ({ elements, problem: `${problem} at byte ${at}` });
  let i = 0;
  while (i < 3 && bytes[i] === [0xef, 0xbb, 0xbf][i]) i++; // a byte order mark, or its start
  while (isWhitespace(bytes[i])) i++;
  if (i >= n) return cutShort;
  if (bytes[i] !== 0x5b) return fail(`it does not start with [ but with '${show(bytes[i] as number)}'`, i);
  i++;
  for (let first = true; ; first = false) {
    while (isWhitespace(bytes[i])) i++;
    if (i >= n) return cutShort;
    const start = i;
    const b = bytes[i] as number;
    if (b === 0x5d) {
      if (!first) return fail('a comma is followed by ]', i);
      break;
    }
    let multiline = false;
    if (b === 0x7b || b === 0x5b || b === 0x22) {
      let depth = b === 0x22 ? 0 : 1;
      let inString = b === 0x22;
      let escaped = false;
      for (i++; ; i++) {
        if (i >= n) return cutShort;
        const c = bytes[i] as number;
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 0x5c) escaped = true;
          else if (c === 0x22) {
            inString = false;
            if (depth === 0) break;
          }
        } else if (c === 0x22) inString = true;
        else if (c === 0x7b || c === 0x5b) depth++;
        else if (c === 0x7d || c === 0x5d) {
          if (--depth === 0) break;
        } else if (c === 0x0a || c === 0x0d) multiline = true;
      }
      i++;
    } else if (isScalarByte(b) && b !== 0x2b && b !== 0x2e) {
      while (i < n && isScalarByte(bytes[i] as number)) i++;
      if (i >= n) return cutShort;
    } else {
      return fail(`an element starts with '${show(b)}'`, i);
    }
    elements.push({ start, end: i, multiline });
    while (isWhitespace(bytes[i])) i++;
    if (i >= n) return cutShort;
    if (bytes[i] === 0x5d) break;
    if (bytes[i] !== 0x2c) return fail(`a comma is missing before '${show(bytes[i] as number)}'`, i);
    i++;
  }
  i++;
  while (isWhitespace(bytes[i])) i++;
  return i < n ? fail(`there is data after the closing ], '${show(bytes[i] as number)}'`, i) : { elements };
}
