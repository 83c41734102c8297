/**
 * Something the API will accept but the caller probably did not intend, or (unknown-job-state)
 * an answer of the service this client does not know and treats as "still running".
 */
export interface ValidationWarning {
  readonly code: 'data-retention' | 'bucket-count' | 'unknown-job-state';
  readonly parameter: string;
  readonly message: string;
}

/**
 * Receives each {@link ValidationWarning} (the `onWarning` option); without one, warnings go to
 * `process.emitWarning`.
 */
export type WarningHandler = (warning: ValidationWarning) => void;
