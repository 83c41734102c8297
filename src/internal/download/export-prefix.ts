import type { ReportFormat } from '../job/job-state.js';

const BOM = [0xef, 0xbb, 0xbf];
const isSpace = (byte: number) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;

/**
 * Recognises an export by its first significant byte (after an optional UTF-8 BOM and white
 * space), so that an error page served with 200 is never saved as the export: a json export is an
 * array and starts with `[`; a csv export starts with its header row, never with `<` (an HTML or
 * XML error document) or `{`/`[` (a JSON one).
 */
export class ExportPrefix {
  #offset = 0;
  #verdict: string | null | undefined;

  constructor(readonly format: ReportFormat) {}

  /** undefined while undecided; null once the export is recognised; else what the body looks like. */
  get verdict(): string | null | undefined {
    return this.#verdict;
  }

  push(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length && this.#verdict === undefined; i++, this.#offset++) {
      const byte = chunk[i] as number;
      if (this.#offset < 3 && byte === BOM[this.#offset] && this.#bomSoFar) continue;
      this.#bomSoFar = false;
      if (isSpace(byte)) continue;
      this.#verdict = this.#judge(byte);
    }
  }

  #bomSoFar = true;

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
