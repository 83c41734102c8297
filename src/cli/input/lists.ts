import { UsageError } from '../errors/usage-error.js';

/** Comma- or repeat-separated values: `--team 1,2 --team 3` → ['1', '2', '3']. */
export function splitList(values: readonly string[] | string | undefined): string[] {
  if (values === undefined) return [];
  const all = typeof values === 'string' ? [values] : values;
  return all
    .flatMap((value) => value.split(','))
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** Whole numbers, each checked against optional bounds, for flags like `--priority 0,1`. */
export function parseIntegerList(
  values: readonly string[] | string | undefined,
  flag: string,
  bounds: { minimum?: number | undefined; maximum?: number | undefined } = {},
): number[] {
  return splitList(values).map((item) => {
    const number = /^-?\d+$/.test(item) ? Number(item) : Number.NaN;
    const tooSmall = bounds.minimum !== undefined && number < bounds.minimum;
    const tooLarge = bounds.maximum !== undefined && number > bounds.maximum;
    if (!Number.isSafeInteger(number) || tooSmall || tooLarge) {
      const range =
        bounds.minimum !== undefined && bounds.maximum !== undefined
          ? ` from ${bounds.minimum} to ${bounds.maximum}`
          : '';
      throw new UsageError(
        `${flag}: '${item}' is not a whole number${range}; give numbers separated by commas, e.g. ${flag} ${bounds.minimum ?? 1},${(bounds.minimum ?? 1) + 1}`,
        flag,
      );
    }
    return number;
  });
}

/** How a word of the API is typed on the command line: `OPEN_AT_END` → `open-at-end`. */
export const typedChoice = (word: string): string => word.trim().toLowerCase().replaceAll('_', '-');

/**
 * Picks one of a fixed set of words, case-insensitively and with `-` for `_` (`open-at-end` for
 * OPEN_AT_END), or explains the choices in that typed form.
 */
export function parseChoice<T extends string>(text: string, flag: string, choices: readonly T[]): T {
  const found = choices.find((choice) => typedChoice(choice) === typedChoice(text));
  if (found === undefined) {
    throw new UsageError(`${flag}: '${text}' is not one of ${choices.map(typedChoice).join(', ')}`, flag);
  }
  return found;
}
