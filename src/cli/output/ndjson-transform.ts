import { Transform } from 'node:stream';
import { JSONParser } from '@streamparser/json';

/**
 * Rewrites a JSON array of rows (the API's json export) as newline-delimited JSON while it
 * streams: one row in memory at a time, whatever the size of the export.
 */
export function ndjsonTransform(onRow: () => void): Transform {
  const parser = new JSONParser({ paths: ['$.*'], keepStack: false });
  let pending: string[] = [];
  let failure: Error | undefined;
  parser.onValue = ({ value }) => {
    pending.push(`${JSON.stringify(value)}\n`);
    onRow();
  };
  parser.onError = (error) => {
    failure = error;
  };
  const flushPending = (transform: Transform) => {
    if (pending.length > 0) transform.push(pending.join(''));
    pending = [];
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      parser.write(chunk);
      if (failure) return callback(invalid(failure));
      flushPending(this);
      callback();
    },
    flush(callback) {
      if (!parser.isEnded) parser.end();
      if (failure) return callback(invalid(failure));
      flushPending(this);
      callback();
    },
  });
}

function invalid(cause: Error): Error {
  return new Error(`the json export is not a valid JSON array (${cause.message}); nothing was written`, {
    cause,
  });
}
