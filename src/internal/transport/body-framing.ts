import { fieldValues, type ResponseHead } from './response-head.js';
import { StorageOverrun } from './storage-overrun.js';

/**
 * How the body of a response is delimited on the connection (RFC 9112 §6.3): by Content-Length,
 * by chunked transfer coding, or by the connection's close. The pieces it emits are views of the
 * bytes pushed, never copies.
 */
export interface BodyFraming {
  /**
   * Emits the body bytes among `bytes` (the next bytes off the connection) and returns whether
   * the body is now complete. Throws on broken framing, and StorageOverrun on bytes past the end.
   */
  push(bytes: Buffer, emit: (piece: Buffer) => void): boolean;
  /** Whether the connection's close is the body's end (no length was announced). */
  readonly endsAtClose: boolean;
}

/** Statuses whose answers have no body, whatever their headers say. */
const NO_BODY = new Set([204, 304]);

/** The framing of `head`'s body, or undefined when the answer has none. */
export function framingOf(head: ResponseHead): BodyFraming | undefined {
  if (NO_BODY.has(head.status)) return undefined;
  const codings = fieldValues(head, 'transfer-encoding')
    .flatMap((value) => value.split(','))
    .map((coding) => coding.trim().toLowerCase());
  if (codings.length > 0) return codings.at(-1) === 'chunked' ? chunkedFraming() : closeFraming();
  const lengths = new Set(
    fieldValues(head, 'content-length').flatMap((value) => value.split(',').map((part) => part.trim())),
  );
  if (lengths.size === 0) return closeFraming();
  const [length] = lengths;
  if (lengths.size > 1 || !/^\d{1,15}$/.test(length as string)) {
    throw broken('Content-Length', 'HPE_INVALID_CONTENT_LENGTH');
  }
  return lengthFraming(Number(length));
}

function lengthFraming(length: number): BodyFraming {
  let remaining = length;
  return {
    endsAtClose: false,
    push(bytes, emit) {
      if (bytes.length > remaining) {
        if (remaining > 0) emit(bytes.subarray(0, remaining));
        remaining = 0;
        throw new StorageOverrun(length);
      }
      remaining -= bytes.length;
      if (bytes.length > 0) emit(bytes);
      return remaining === 0;
    },
  };
}

function closeFraming(): BodyFraming {
  return {
    endsAtClose: true,
    push(bytes, emit) {
      if (bytes.length > 0) emit(bytes);
      return false;
    },
  };
}

// Where the chunked decoder is: in a chunk's size line (its hex digits, then any extension), at
// the LF ending it, in its data, at the CR LF after the data, or in the trailer section.
const SIZE = 0;
const EXTENSION = 1;
const SIZE_LF = 2;
const DATA = 3;
const DATA_CR = 4;
const DATA_LF = 5;
const TRAILER_LINE_START = 6;
const TRAILER_LINE = 7;
const END_LF = 8;
const DONE = 9;

const CR = 0x0d;
const LF = 0x0a;
/** A chunk size has at most this many hex digits (2^52 bytes: more than any export). */
const MAX_SIZE_DIGITS = 13;
/**
 * Chunk extensions and trailer fields are skipped, and a host that sent them without end would
 * hold the download without ever going silent: past this many bytes of them in all, the body fails.
 */
const MAX_SKIPPED_BYTES = 64 * 1024;

function chunkedFraming(): BodyFraming {
  let state = SIZE;
  let size = 0;
  let digits = 0;
  let skipped = 0;
  return {
    endsAtClose: false,
    push(bytes, emit) {
      let i = 0;
      while (i < bytes.length) {
        if (state === DONE) throw new StorageOverrun(undefined);
        if (state === DATA) {
          const take = Math.min(size, bytes.length - i);
          emit(bytes.subarray(i, i + take));
          i += take;
          size -= take;
          if (size === 0) state = DATA_CR;
          continue;
        }
        const byte = bytes[i++] as number;
        switch (state) {
          case SIZE: {
            const digit = hexDigit(byte);
            if (digit >= 0 && digits < MAX_SIZE_DIGITS) {
              size = size * 16 + digit;
              digits++;
            } else if (digits === 0 || digit >= 0) throw broken('chunk size');
            else if (byte === CR) state = SIZE_LF;
            else if (byte === 0x3b || byte === 0x20 || byte === 0x09) state = EXTENSION;
            else throw broken('chunk size');
            break;
          }
          case EXTENSION:
            if (++skipped > MAX_SKIPPED_BYTES) throw broken('chunk extension (too long)');
            if (byte === CR) state = SIZE_LF;
            else if (byte === LF) throw broken('chunk extension');
            break;
          case SIZE_LF:
            if (byte !== LF) throw broken('chunk size line');
            digits = 0;
            state = size === 0 ? TRAILER_LINE_START : DATA;
            break;
          case DATA_CR:
            if (byte !== CR) throw broken('chunk end');
            state = DATA_LF;
            break;
          case DATA_LF:
            if (byte !== LF) throw broken('chunk end');
            state = SIZE;
            break;
          case TRAILER_LINE_START:
            state = byte === CR ? END_LF : TRAILER_LINE;
            break;
          case TRAILER_LINE:
            if (++skipped > MAX_SKIPPED_BYTES) throw broken('trailer (too long)');
            if (byte === LF) state = TRAILER_LINE_START;
            break;
          case END_LF:
            if (byte !== LF) throw broken('last chunk');
            state = DONE;
            break;
        }
      }
      return state === DONE;
    },
  };
}

function hexDigit(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  const lower = byte | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x57 : -1;
}

function broken(what: string, code = 'HPE_INVALID_CHUNK_SIZE'): Error {
  return Object.assign(new Error(`the storage host sent a broken ${what}`), { code });
}
