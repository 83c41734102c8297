const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Counts CSV records in a byte stream without parsing fields, so the row count of a multi-GB
 * export costs little beside writing it. Quote-aware per RFC 4180: a newline inside a quoted field
 * does not end a record, and `""` toggles the quote state twice. Blank lines are not records
 * (the CSV reader, csv-records.ts, skips them too). Chunks without quotes, the common case, are scanned with the native
 * `indexOf` from newline to newline.
 */
export class CsvRecordCounter {
  private inQuotes = false;
  private recordHasContent = false;
  private completeRecords = 0;

  push(chunk: Uint8Array): void {
    if (!this.inQuotes && chunk.indexOf(QUOTE) === -1) this.countUnquoted(chunk);
    else this.countQuoted(chunk);
  }

  private countUnquoted(chunk: Uint8Array): void {
    let start = 0;
    for (let newline = chunk.indexOf(LF); newline !== -1; newline = chunk.indexOf(LF, start)) {
      if (this.recordHasContent || hasContent(chunk, start, newline)) this.completeRecords++;
      this.recordHasContent = false;
      start = newline + 1;
    }
    if (hasContent(chunk, start, chunk.length)) this.recordHasContent = true;
  }

  private countQuoted(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte === QUOTE) {
        this.inQuotes = !this.inQuotes;
        this.recordHasContent = true;
      } else if (byte === LF && !this.inQuotes) {
        if (this.recordHasContent) this.completeRecords++;
        this.recordHasContent = false;
      } else if (byte !== CR) {
        this.recordHasContent = true;
      }
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
