/** Something the API will accept but the caller probably did not intend. */
export interface ValidationWarning {
  readonly code: 'data-retention' | 'bucket-count';
  readonly parameter: string;
  readonly message: string;
}

/**
 * Receives each {@link ValidationWarning} (the `onWarning` option); without one, warnings go to
 * `process.emitWarning`.
 */
export type WarningHandler = (warning: ValidationWarning) => void;
