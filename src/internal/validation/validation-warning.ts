/** Something the API will accept but the caller probably did not intend. */
export interface ValidationWarning {
  readonly code: 'data-retention' | 'bucket-count';
  readonly parameter: string;
  readonly message: string;
}

export type WarningHandler = (warning: ValidationWarning) => void;

/** Without an `onWarning` option, warnings go where Node puts its own: process warnings. */
export const emitProcessWarning: WarningHandler = (warning) =>
  process.emitWarning(warning.message, {
    code: `CARE_ANALYTICS_${warning.code.toUpperCase().replace('-', '_')}`,
  });
