/**
 * openapi-fetch path serializer: every `{name}` becomes one percent-encoded segment. runIds are
 * base64-like, so `+`, `/` and `=` must be encoded or `/` would split the path and `+` could be
 * read as a space. A scan rather than a regex replace: it runs twice per API call (the URL sent
 * and the URL for messages), and a status poll is mostly this kind of work.
 */
export function serializePath(template: string, params: Record<string, unknown>): string {
  let out = '';
  let copied = 0;
  let open = template.indexOf('{');
  while (open !== -1) {
    const close = template.indexOf('}', open + 1);
    if (close === -1) break;
    // `{a{b}`: the name is the innermost one, as with /\{([^{}]+)\}/.
    const inner = template.lastIndexOf('{', close);
    if (close > inner + 1) {
      const value = params[template.slice(inner + 1, close)];
      if (value !== undefined && value !== null) {
        out += template.slice(copied, inner) + encodeURIComponent(String(value));
        copied = close + 1;
      }
    }
    open = template.indexOf('{', close + 1);
  }
  return copied === 0 ? template : out + template.slice(copied);
}
