// The rewrite worker: runs the CLI's row counter or ndjson rewriter (rewriter-for.ts) on a thread
// of its own, so that on a large export the main thread only moves bytes between the socket and
// the file. Messages in: batches of whole chunks (their buffers transferred), then 'end'. Out: one
// WorkerReport per message (and the rewritten bytes, transferred back, when asked for them).
import { parentPort, workerData } from 'node:worker_threads';
import { ownBuffer, type RewriteTask, type WorkerReport } from './rewrite-protocol.js';
import { rewriterFor } from './rewriter-for.js';

const port = parentPort;
if (!port) throw new Error('rewrite-worker.js runs as a worker thread only');
const task = workerData as RewriteTask;
const rewriter = rewriterFor(task.produced, task.output);
let failed = false;

port.on('message', (message: ArrayBuffer[] | 'end') => {
  if (failed) return;
  const out: ArrayBuffer[] = [];
  const keep = (bytes: Uint8Array | undefined) => {
    if (task.returnOutput && bytes && bytes.byteLength > 0) out.push(ownBuffer(bytes));
  };
  let consumed = 0;
  try {
    if (message === 'end') keep(rewriter.end());
    else {
      for (const buffer of message) {
        consumed += buffer.byteLength;
        keep(rewriter.push(Buffer.from(buffer)));
      }
    }
  } catch (error) {
    failed = true;
    port.postMessage({ error: (error as Error).message } satisfies WorkerReport);
    return;
  }
  const report: WorkerReport = { rows: rewriter.rows, consumed, out, done: message === 'end' };
  port.postMessage(report, out);
});
