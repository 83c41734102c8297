// The body socket-fetch hands the download: pieces in order whatever pauses come between them,
// the connection paused while the reader is, the end only after every waiting piece, an error at
// once, and nothing after destroy().
import { describe, expect, it } from 'vitest';
import { SocketBody } from '../../../src/internal/transport/socket-body.js';

function observed() {
  const connection: string[] = [];
  const seen: string[] = [];
  const body = new SocketBody({
    pause: () => connection.push('pause'),
    resume: () => connection.push('resume'),
    destroy: () => connection.push('destroy'),
  });
  const handlers = {
    data: (chunk: Buffer) => seen.push(chunk.toString()),
    end: () => seen.push('<end>'),
    error: (error: unknown) => seen.push(`<error ${(error as Error).message}>`),
  };
  return { body, connection, seen, handlers };
}

describe('SocketBody', () => {
  it('keeps what arrives before start, in order, and starts the connection when read', () => {
    const { body, connection, seen, handlers } = observed();
    body.deliver(Buffer.from('a'));
    body.deliver(Buffer.from('b'));
    expect(seen).toEqual([]);
    body.start(handlers);
    body.deliver(Buffer.from('c'));
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(connection).toEqual(['resume']);
  });

  it('pauses the connection with the reader and delivers what arrived meanwhile on resume, then the end', () => {
    const { body, connection, seen, handlers } = observed();
    body.start(handlers);
    body.deliver(Buffer.from('a'));
    body.pause();
    body.deliver(Buffer.from('b')); // a read already under way when the connection paused
    body.end();
    expect(seen).toEqual(['a']);
    body.resume();
    expect(seen).toEqual(['a', 'b', '<end>']);
    expect(connection).toEqual(['resume', 'pause']); // ended: no reason to read again
  });

  it('a reader that pauses inside data gets the rest only when it resumes', () => {
    const { body, seen, handlers } = observed();
    body.deliver(Buffer.from('a'));
    body.deliver(Buffer.from('b'));
    body.end();
    body.start({
      ...handlers,
      data: (chunk) => {
        handlers.data(chunk);
        body.pause();
      },
    });
    expect(seen).toEqual(['a']);
    body.resume();
    expect(seen).toEqual(['a', 'b']);
    body.resume();
    expect(seen).toEqual(['a', 'b', '<end>']);
  });

  it('a piece delivered while waiting pieces drain (from inside a handler) goes after them', () => {
    const { body, seen, handlers } = observed();
    body.deliver(Buffer.from('a'));
    body.deliver(Buffer.from('b'));
    let first = true;
    body.start({
      ...handlers,
      data: (chunk) => {
        handlers.data(chunk);
        if (first) body.deliver(Buffer.from('c'));
        first = false;
      },
    });
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('reports an error at once, dropping what waits, and destroys the connection', () => {
    const { body, connection, seen, handlers } = observed();
    body.start(handlers);
    body.pause();
    body.deliver(Buffer.from('a'));
    body.fail(new Error('reset'));
    body.deliver(Buffer.from('b'));
    body.end();
    body.resume();
    expect(seen).toEqual(['<error reset>']);
    expect(connection).toContain('destroy');
  });

  it('keeps a failure from before start for its reader', () => {
    const { body, seen, handlers } = observed();
    body.fail(new Error('closed early'));
    body.start(handlers);
    expect(seen).toEqual(['<error closed early>']);
  });

  it('calls no handler after destroy()', () => {
    const { body, connection, seen, handlers } = observed();
    body.start(handlers);
    body.destroy();
    body.deliver(Buffer.from('a'));
    body.end();
    body.fail(new Error('late'));
    expect(seen).toEqual([]);
    expect(connection).toEqual(['resume', 'destroy']);
  });
});
