/** An HTTP/1.1 response's status line and header fields, as read off the connection. */
export interface ResponseHead {
  readonly status: number;
  readonly statusText: string;
  /** Field names in lower case, values trimmed, in the order received (a name may repeat). */
  readonly fields: readonly (readonly [name: string, value: string])[];
}

/** Past this many bytes without the blank line that ends the head, the answer is refused (node:http allows 16 KiB). */
export const MAX_HEAD_BYTES = 64 * 1024;

const STATUS_LINE = /^HTTP\/1\.[01] (\d{3})(?: ([^\r\n]*))?$/;
const FIELD_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Where the head in `bytes` ends (just past its blank line), or -1 when it has not all arrived. */
export function headEnd(bytes: Buffer): number {
  const at = bytes.indexOf('\r\n\r\n', 0, 'latin1');
  return at < 0 ? -1 : at + 4;
}

/**
 * Parses the bytes of a head, blank line excluded. Strict where it matters for framing (the status
 * line, field names, a colon on every line); folded lines, which RFC 9112 deprecates, are refused.
 */
export function parseHead(head: Buffer): ResponseHead {
  const lines = head.toString('latin1').split('\r\n');
  const match = STATUS_LINE.exec(lines[0] ?? '');
  if (!match) throw malformed('status line');
  const fields: [string, string][] = [];
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    if (colon <= 0 || !FIELD_NAME.test(name)) throw malformed('header line');
    fields.push([name.toLowerCase(), line.slice(colon + 1).trim()]);
  }
  return { status: Number(match[1]), statusText: match[2] ?? '', fields };
}

/** The values of one field, in order (several fields of the same name count as one list). */
export function fieldValues(head: ResponseHead, name: string): string[] {
  return head.fields.filter(([field]) => field === name).map(([, value]) => value);
}

function malformed(what: string): Error {
  return Object.assign(new Error(`the storage host sent a malformed HTTP ${what}`), {
    code: 'HPE_INVALID_HEADER',
  });
}
