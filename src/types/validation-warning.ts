/** Something the API will accept but the caller probably did not intend. */
export interface ValidationWarning {
  readonly code: 'data-retention' | 'bucket-count';
  readonly parameter: string;
  readonly message: string;
}

export type WarningHandler = (warning: ValidationWarning) => void;
