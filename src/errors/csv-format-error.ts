/** A CSV export that does not parse as RFC 4180 rows under its header; `problem` says where. */
export class CsvFormatError extends SyntaxError {
  override readonly name = 'CsvFormatError';

  constructor(readonly problem: string) {
    super(`the CSV export is not a table of rows (${problem})`);
  }
}
