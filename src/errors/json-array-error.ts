/** A JSON export that is not one well-formed top-level array; `problem` says what is wrong and where. */
export class JsonArrayError extends SyntaxError {
  override readonly name = 'JsonArrayError';

  constructor(readonly problem: string) {
    super(`the JSON export is not an array of rows (${problem})`);
  }
}
