import { ApiError } from '../../errors/api-error.js';

const ERROR_PAGE = /^\s*(text\/html|application\/xhtml\+xml|application\/xml|text\/xml)\b/i;

/**
 * Object stores answer errors with an XML or HTML document, sometimes with status 200 (a proxy's
 * login page, a misrouted bucket). Such a page is never an export: it raises an ApiError that
 * names the storage host, without the signed query that grants access to the file.
 */
export function assertNotErrorPage(response: Response, place: string, secrets: readonly string[]): void {
  const type = response.headers.get('content-type') ?? '';
  if (!ERROR_PAGE.test(type)) return;
  response.body?.cancel().catch(() => {});
  throw new ApiError(
    `The storage host ${new URL(place).host} answered ${response.status} with an error page (${type.split(';')[0]}) instead of the export`,
    { status: response.status, method: 'GET', url: place, secrets },
  );
}

const CONTENT_RANGE = /^bytes (\d+)-(\d+)\/(\d+|\*)$/;

/**
 * Where a (re)opened body starts: how many of its bytes to drop so that it continues at `from`.
 * 206 with a Content-Range that starts at `from` continues exactly; any other 2xx is the whole
 * file again (a restart from zero), of which the first `from` bytes were already delivered.
 * Undefined when the answer cannot continue the transfer (a Content-Range that does not match).
 */
export function bytesToSkip(response: Response, from: number, total: number | undefined): number | undefined {
  if (response.status !== 206) return from;
  const match = CONTENT_RANGE.exec(response.headers.get('content-range')?.trim() ?? '');
  if (!match) return undefined;
  const [start, end, size] = [Number(match[1]), Number(match[2]), match[3]];
  if (start !== from) return undefined;
  if (size !== '*' && total !== undefined && (Number(size) !== total || end !== total - 1)) return undefined;
  return 0;
}

/** The whole file's size as a response states it: Content-Range's total for a 206, else its length. */
export function totalSize(response: Response, length: number | undefined): number | undefined {
  if (response.status !== 206) return length;
  const size = CONTENT_RANGE.exec(response.headers.get('content-range')?.trim() ?? '')?.[3];
  return size === undefined || size === '*' ? undefined : Number(size);
}
