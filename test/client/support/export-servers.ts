import type { IncomingMessage, ServerResponse } from 'node:http';
import { createCareAnalytics } from '../../../src/index.js';
import { type LocalServer, localServer } from './local-server.js';
import { credentials } from './observed-fetch.js';

export const JOB = {
  kind: 'khoros-care-analytics/report-job',
  version: 1,
  workflowId: 'wf-1',
  runId: 'ab+cd/ef==',
  reportType: 'conversation',
  startedAt: new Date(0).toISOString(),
} as const;

export type StorageHandler = (req: IncomingMessage, res: ServerResponse, hit: number) => void | Promise<void>;

/**
 * Two real servers, as in production: the API (whose /download answers 307) and a storage host
 * on another origin serving the pre-signed URL.
 */
export async function exportServers(
  storageHandler: StorageHandler,
  options: { direct?: StorageHandler } = {},
) {
  let storageHits = 0;
  let downloads = 0;
  const storage = await localServer((req, res) => storageHandler(req, res, storageHits++));
  const api: LocalServer = await localServer((req, res) => {
    const url = new URL(req.url ?? '', 'http://x');
    if (!url.pathname.endsWith('/download')) {
      res.writeHead(404).end();
      return;
    }
    downloads++;
    if (options.direct) return options.direct(req, res, downloads - 1);
    res.writeHead(307, {
      location: `${storage.url}/exports/file-${downloads}.csv?X-Amz-Signature=sig${downloads}&X-Amz-Expires=60`,
    });
    res.end();
  });
  const ca = createCareAnalytics({
    baseUrl: `${api.url}/api/public`,
    ...credentials,
    retry: { baseDelayMs: 1, backoffLimitMs: 5 },
  });
  return {
    api,
    storage,
    ca,
    downloads: () => downloads,
    job: (format: 'csv' | 'json' = 'csv') => ca.reports.resume({ ...JOB, format }),
    close: async () => {
      await api.close();
      await storage.close();
    },
  };
}

export async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return await new Response(stream).text();
}
