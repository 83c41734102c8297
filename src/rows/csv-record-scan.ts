import { HAS_CONTENT, IN_QUOTES, type RecordKernel } from './csv-record-kernel.js';

// CsvRecordCounter's loop in JavaScript, for runtimes without WebAssembly SIMD (an old or
// `--jitless` one): the same counts from the same carried state as the kernel, at a fraction of
// its speed (`npm run bench -- csv-count`).

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

let after = 0;

/**
 * Only the bytes that matter are looked at: the native `indexOf` jumps from newline to newline and
 * from quote to quote (the next quote's position is kept, so a line without one costs one search),
 * never through the fields byte by byte.
 */
export const recordScan: RecordKernel = {
  count(chunk, before) {
    let inQuotes = (before & IN_QUOTES) !== 0;
    let hasContent = (before & HAS_CONTENT) !== 0;
    let records = 0;
    const length = chunk.length;
    let nextQuote = chunk.indexOf(QUOTE);
    let i = 0;
    while (i < length) {
      if (inQuotes) {
        if (nextQuote === -1) break; // the rest of the chunk is inside the quoted field
        inQuotes = false;
        i = nextQuote + 1;
        nextQuote = chunk.indexOf(QUOTE, i);
        continue;
      }
      const newline = chunk.indexOf(LF, i);
      const lineEnd = newline === -1 ? length : newline;
      if (nextQuote !== -1 && nextQuote < lineEnd) {
        inQuotes = true;
        hasContent = true;
        i = nextQuote + 1;
        nextQuote = chunk.indexOf(QUOTE, i);
        continue;
      }
      if (!hasContent && hasText(chunk, i, lineEnd)) hasContent = true;
      if (newline === -1) break;
      if (hasContent) records++;
      hasContent = false;
      i = newline + 1;
    }
    after = (inQuotes ? IN_QUOTES : 0) | (hasContent ? HAS_CONTENT : 0);
    return records;
  },
  get state() {
    return after;
  },
};

/** Whether bytes [from, to) hold anything but carriage returns. */
function hasText(chunk: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (chunk[i] !== CR) return true;
  return false;
}
