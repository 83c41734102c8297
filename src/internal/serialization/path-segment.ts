/**
 * openapi-fetch path serializer: every `{name}` becomes one percent-encoded segment. runIds are
 * base64-like, so `+`, `/` and `=` must be encoded or `/` would split the path and `+` could be
 * read as a space.
 */
export function serializePath(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? whole : encodeURIComponent(String(value));
  });
}
