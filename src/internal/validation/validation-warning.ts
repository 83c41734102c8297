import type { WarningHandler } from '../../types/validation-warning.js';

/** Without an `onWarning` option, warnings go where Node puts its own: process warnings. */
export const emitProcessWarning: WarningHandler = (warning) =>
  process.emitWarning(warning.message, {
    code: `CARE_ANALYTICS_${warning.code.toUpperCase().replaceAll('-', '_')}`,
  });
