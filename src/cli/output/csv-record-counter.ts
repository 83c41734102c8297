const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Counts CSV records in a byte stream without parsing fields, so the row count of a multi-GB
 * export costs little beside writing it. Quote-aware per RFC 4180: a newline inside a quoted field
 * does not end a record, and `""` toggles the quote state twice. Blank lines are not records
 * (the CSV reader, csv-records.ts, skips them too). Only the bytes that matter are looked at: the
 * native `indexOf` jumps from newline to newline and from quote to quote (the next quote's position
 * is kept, so a line without one costs one search), never through the fields byte by byte.
 */
export class CsvRecordCounter {
  private inQuotes = false;
  private recordHasContent = false;
  private completeRecords = 0;

  push(chunk: Uint8Array): void {
    const length = chunk.length;
    let nextQuote = chunk.indexOf(QUOTE);
    let i = 0;
    while (i < length) {
      if (this.inQuotes) {
        if (nextQuote === -1) return; // the rest of the chunk is inside the quoted field
        this.inQuotes = false;
        i = nextQuote + 1;
        nextQuote = chunk.indexOf(QUOTE, i);
        continue;
      }
      const newline = chunk.indexOf(LF, i);
      const lineEnd = newline === -1 ? length : newline;
      if (nextQuote !== -1 && nextQuote < lineEnd) {
        this.inQuotes = true;
        this.recordHasContent = true;
        i = nextQuote + 1;
        nextQuote = chunk.indexOf(QUOTE, i);
        continue;
      }
      if (!this.recordHasContent && hasContent(chunk, i, lineEnd)) this.recordHasContent = true;
      if (newline === -1) return;
      if (this.recordHasContent) this.completeRecords++;
      this.recordHasContent = false;
      i = newline + 1;
    }
  }

  /** Records seen so far, counting an unterminated last line. */
  get records(): number {
    return this.completeRecords + (this.recordHasContent ? 1 : 0);
  }

  /** Data rows: every record after the header. */
  get rows(): number {
    return Math.max(0, this.records - 1);
  }
}

/** Whether bytes [from, to) hold anything but carriage returns. */
function hasContent(chunk: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (chunk[i] !== CR) return true;
  return false;
}
