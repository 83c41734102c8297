// serializePath scans instead of running a regex replace (it runs twice per API call); it must
// give what the replace gave for any template, braces nested, empty or unclosed included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializePath } from '../../../src/internal/serialization/path-segment.js';

/** The regex form it replaced, as the oracle. */
const byRegex = (template: string, params: Record<string, unknown>) =>
  template.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? whole : encodeURIComponent(String(value));
  });

const params: Record<string, unknown> = { a: 'ab+cd/ef==', b: null, ab: 'Z Z', 'a{b': 'Q', x: 0 };

describe('serializePath', () => {
  it('agrees with /\\{([^{}]+)\\}/ replacement on any template', () => {
    const template = fc
      .array(fc.constantFrom('{', '}', 'a', 'b', 'x', '/', '{a}', '{b}', '{ab}', '{zz}'), { maxLength: 12 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(template, (t) => {
        expect(serializePath(t, params)).toBe(byRegex(t, params));
      }),
      { numRuns: 2_000 },
    );
  });

  it('encodes each parameter as one segment and leaves unknown or null ones as written', () => {
    expect(serializePath('/r/{a}/{b}/{zz}/{x}', params)).toBe('/r/ab%2Bcd%2Fef%3D%3D/{b}/{zz}/0');
  });
});
