import type { ReportFormat } from '../../types/report-job-state.js';

const BOM = [0xef, 0xbb, 0xbf];
const isSpace = (byte: number) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;

/**
 * Recognises an export by its significant bytes (after an optional UTF-8 BOM and white space), so
 * that an error page served with 200 is never saved as the export: a json export is an array, so
 * it starts with `[` and ends with `]`; a csv export starts with its header row, never with `<`
 * (an HTML or XML error document) or `{`/`[` (a JSON one). The end check catches a json body cut
 * where no length says so (a connection that drops bytes beyond a short Content-Length).
 */
export class ExportShape {
  #offset = 0;
  #bomSoFar = true;
  #start: string | null | undefined;
  #last = -1;

  constructor(readonly format: ReportFormat) {}

  /** undefined while undecided; null once the export is recognised; else what the body looks like. */
  get start(): string | null | undefined {
    return this.#start;
  }

  /** At the end of the body: whether it ended with a significant byte at all (not only white space). */
  get empty(): boolean {
    return this.#start === undefined;
  }

  /** At the end of a json body: whether the array is closed. */
  get closed(): boolean {
    return this.#last === 0x5d;
  }

  push(chunk: Uint8Array): void {
    let i = 0;
    // Until the first significant byte: every byte counts (BOM, white space, the judged byte).
    for (; this.#start === undefined && i < chunk.length; i++, this.#offset++) {
      const byte = chunk[i] as number;
      if (this.#bomSoFar && this.#offset < 3 && byte === BOM[this.#offset]) continue;
      this.#bomSoFar = false;
      if (isSpace(byte)) continue;
      this.#last = byte;
      this.#start = this.#judge(byte);
    }
    // After it only the last significant byte matters: look from the end, not through the chunk.
    for (let j = chunk.length - 1; j >= i; j--) {
      const byte = chunk[j] as number;
      if (!isSpace(byte)) {
        this.#last = byte;
        break;
      }
    }
    this.#offset += chunk.length - i;
  }

  #judge(byte: number): string | null {
    const char = String.fromCharCode(byte);
    if (this.format === 'json') {
      if (char === '[') return null;
      return char === '<' ? 'an HTML or XML document' : char === '{' ? 'a JSON object' : 'not a JSON array';
    }
    if (char === '<') return 'an HTML or XML document';
    if (char === '{' || char === '[') return 'a JSON document';
    return null;
  }
}
