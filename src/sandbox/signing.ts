// Pre-signed storage URLs in the S3 style: the path, the signing time and the lifetime are signed
// with an HMAC key only this sandbox knows; the storage host checks signature and expiry.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type Verdict = 'valid' | 'expired' | 'invalid';

export class UrlSigner {
  readonly #key = randomBytes(32);

  /** The query string of a URL for `path`, signed at `signedAt`, valid for `ttlMs`. */
  sign(path: string, signedAt: number, ttlMs: number): string {
    const date = amzDate(signedAt);
    const expires = String(Math.round(ttlMs / 1000));
    const params = new URLSearchParams({
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Date': date,
      'X-Amz-Expires': expires,
      'X-Amz-Signature': this.#mac(path, date, expires),
    });
    return params.toString();
  }

  verify(path: string, query: URLSearchParams, now: number): Verdict {
    const date = query.get('X-Amz-Date') ?? '';
    const expires = query.get('X-Amz-Expires') ?? '';
    const given = Buffer.from(query.get('X-Amz-Signature') ?? '');
    const wanted = Buffer.from(this.#mac(path, date, expires));
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return 'invalid';
    const signedAt = parseAmzDate(date);
    return now > signedAt + Number(expires) * 1000 ? 'expired' : 'valid';
  }

  #mac(path: string, date: string, expires: string): string {
    return createHmac('sha256', this.#key).update(`${path}\n${date}\n${expires}`).digest('hex');
  }
}

/** `20240101T120000Z` */
function amzDate(time: number): string {
  return new Date(time)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function parseAmzDate(date: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(date);
  if (!m) return Number.NaN;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return Date.UTC(year, month - 1, day, hour, minute, second);
}
