// An export of many socket reads through the CLI's batched writer: the file as sent (or its rows
// one per line, for ndjson) and every row counted, with rows that make the scanners work (quoted
// newlines and quotes in csv; escaped quotes, backslashes and brackets inside json strings); a
// broken array leaves no file.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type LocalServer, localServer } from '../../client/support/local-server.js';
import { runCli, tempDir } from '../support/run-cli.js';

const ROWS = 40_000;
const csvRow = (i: number) =>
  `${i},"note ${i} with ""quotes"", a comma${i % 7 === 0 ? '\nand a line break' : ''}",${'x'.repeat(80)}\n`;
const jsonRow = (i: number) =>
  JSON.stringify({ ID: String(i), NOTE: `a "quoted" \\ note with ] and } ${i}`, PAD: 'y'.repeat(60) });

const csv = Buffer.from(`ID,NOTE,PAD\n${Array.from({ length: ROWS }, (_, i) => csvRow(i)).join('')}`);
const jsonRows = Array.from({ length: ROWS }, (_, i) => jsonRow(i));
const json = Buffer.from(`[${jsonRows.join(',\n')}]`);
// A comma missing between two rows near the end: only the rewriter's framing can see it.
const broken = Buffer.from(`[${jsonRows.slice(0, -1).join(',')} ${jsonRows.at(-1)}]`);

let servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

/** The API's /download redirects to storage, which serves `body` with its length. */
async function serve(body: Buffer) {
  const storage = await localServer((_req, res) => {
    res.writeHead(200, { 'content-length': body.length }).end(body);
  });
  const api = await localServer((_req, res) => {
    res.writeHead(307, { location: `${storage.url}/export?X-Amz-Signature=s` }).end();
  });
  servers.push(storage, api);
  return {
    KHOROS_ANALYTICS_URL: `${api.url}/api/public`,
    KHOROS_ANALYTICS_USER: 'api-user',
    KHOROS_ANALYTICS_PASSWORD: 'pw-secret',
    KHOROS_ANALYTICS_COMPANY_KEY: 'key-secret',
  };
}

const job = (format: 'csv' | 'json') =>
  JSON.stringify({
    kind: 'khoros-care-analytics/report-job',
    version: 1,
    workflowId: '6f1c2a7e-0000-4000-8000-000000000001',
    runId: 'r+1/a=',
    reportType: 'conversation',
    format,
    startedAt: new Date(0).toISOString(),
  });

async function download(body: Buffer, produced: 'csv' | 'json', format: string) {
  const env = await serve(body);
  const cwd = tempDir();
  const out = join(cwd, `out.${format}`);
  const result = await runCli(['download', job(produced), '--format', format, '--out', out], { cwd, env });
  return { ...result, out, cwd };
}

describe('a large export', () => {
  it('csv: the file as sent, every record counted (line breaks inside quotes are no records)', async () => {
    const { code, stdout, out } = await download(csv, 'csv', 'csv');
    expect(code).toBe(0);
    expect(readFileSync(out).equals(csv)).toBe(true);
    expect(stdout).toContain(`Wrote ${ROWS.toLocaleString('en-US')} rows`);
  });

  it('json: the file as sent, every element counted', async () => {
    const { code, stdout, out } = await download(json, 'json', 'json');
    expect(code).toBe(0);
    expect(statSync(out).size).toBe(json.length);
    expect(readFileSync(out).equals(json)).toBe(true);
    expect(stdout).toContain(`Wrote ${ROWS.toLocaleString('en-US')} rows`);
  });

  it('ndjson from json: one row per line, byte for byte as sent, in order', async () => {
    const { code, stdout, out } = await download(json, 'json', 'ndjson');
    expect(code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(`${jsonRows.join('\n')}\n`);
    expect(stdout).toContain(`Wrote ${ROWS.toLocaleString('en-US')} rows`);
  });

  it('ndjson from a broken json array: exit 1, the reason, no file', async () => {
    const { code, stderr, out, cwd } = await download(broken, 'json', 'ndjson');
    expect(code).toBe(1);
    expect(stderr).toMatch(/not a JSON array of rows \(a comma is missing before '\{' at byte \d+\)/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(cwd)).toEqual([]);
  });
});
