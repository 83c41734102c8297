/** Follows a local `#/…` $ref (as left by `redocly bundle`) until a non-ref object is reached. */
export function resolve(spec, node) {
  let current = node;
  const seen = new Set();
  while (current && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (!ref.startsWith('#/') || seen.has(ref)) throw new Error(`cannot resolve $ref ${ref}`);
    seen.add(ref);
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce((value, key) => value?.[key], spec);
    if (current === undefined) throw new Error(`dangling $ref ${ref}`);
  }
  return current;
}
