import type { ParameterRule } from '../../../generated/report-rules.js';
import { ValidationError } from '../../errors/validation-error.js';
import { encodePairs, type WireValue } from '../serialization/encode-pairs.js';

/**
 * Longest request URL we send. The service accepts 16 KiB of request line and headers; 1 KiB of
 * that stays free for the method, the HTTP version and what a proxy may add.
 */
export const URL_BUDGET_BYTES = 15 * 1024;

/**
 * Refuses, before sending, a run call whose URL would exceed the budget (the service answers such
 * a request 431 without a word on what to change). The message names the longest list and in how
 * many exports to split it.
 */
export function checkUrlBudget(
  length: number,
  rules: readonly ParameterRule[],
  values: Readonly<Record<string, WireValue>>,
): void {
  if (length <= URL_BUDGET_BYTES) return;
  const lists = rules
    .filter((rule) => rule.location === 'query' && Array.isArray(values[rule.name]))
    .map((rule) => {
      const value = values[rule.name] as readonly (string | number)[];
      const bytes = encodePairs([{ name: rule.name, value, serialization: rule.serialization }]).length;
      return { name: rule.name, items: value.length, bytes };
    })
    .sort((a, b) => b.bytes - a.bytes);
  const longest = lists[0];
  const room = longest ? URL_BUDGET_BYTES - (length - longest.bytes) : 0;
  if (!longest || room <= 0 || longest.items < 2) {
    throw new ValidationError(
      'params',
      `the request URL would be ${length} bytes, over the ${URL_BUDGET_BYTES}-byte budget`,
      'pass shorter values',
    );
  }
  const parts = Math.ceil(longest.bytes / room);
  throw new ValidationError(
    longest.name,
    `the request URL would be ${length} bytes, over the ${URL_BUDGET_BYTES}-byte budget (${longest.items} items of ${longest.name})`,
    `split ${longest.name} into ${parts} exports of at most ${Math.floor(longest.items / parts)} items each`,
  );
}
