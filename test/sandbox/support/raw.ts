// A raw HTTP GET that reports exactly what arrived: status, declared length, bytes, and how the
// body ended — which fetch hides behind one generic error.
import { request } from 'node:http';

export interface RawResult {
  status: number;
  contentLength: number;
  received: number;
  /** 'complete' | 'aborted' (closed early) | 'error' (reset) — 'refused' when no response came. */
  outcome: 'complete' | 'aborted' | 'error' | 'refused';
  body: Buffer;
}

export interface RawGet {
  readonly done: Promise<RawResult>;
  /** Bytes received so far. */
  received(): number;
}

export function rawGet(url: string, headers: Record<string, string> = {}): RawGet {
  let received = 0;
  const chunks: Buffer[] = [];
  const done = new Promise<RawResult>((resolve) => {
    let status = 0;
    let contentLength = -1;
    const finish = (outcome: RawResult['outcome']) =>
      resolve({ status, contentLength, received, outcome, body: Buffer.concat(chunks) });
    const req = request(url, { headers, agent: false }, (res) => {
      status = res.statusCode ?? 0;
      contentLength = Number(res.headers['content-length'] ?? -1);
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
        chunks.push(chunk);
      });
      res.on('end', () => finish(received === contentLength ? 'complete' : 'aborted'));
      res.on('aborted', () => finish('aborted'));
      res.on('error', (error: NodeJS.ErrnoException) =>
        finish(error.code === 'ECONNRESET' ? 'error' : 'aborted'),
      );
    });
    // After the response started, a reset surfaces here rather than on the response.
    req.on('error', () => finish(status ? 'error' : 'refused'));
    req.end();
  });
  return { done, received: () => received };
}
