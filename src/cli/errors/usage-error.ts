/**
 * A mistake in what the user typed: a bad flag value, a missing flag, a flag that does not apply.
 * Raised before any request is sent; the CLI exits with code 2 and prints `message` as is, so the
 * message names the flag and says what to type instead.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly flag?: string,
  ) {
    super(message);
  }
}
