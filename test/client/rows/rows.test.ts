import { describe, expect, it } from 'vitest';
import { ApiError, CsvFormatError, JsonArrayError } from '../../../src/index.js';
import { jsonRows } from '../../../src/rows/json-rows.js';
import { collect, streamOf } from '../support/byte-streams.js';
import { JOB } from '../support/export-servers.js';
import { observedClient } from '../support/observed-fetch.js';

function jobRows(format: 'csv' | 'json', body: ReadableStream<Uint8Array> | string) {
  const { ca } = observedClient((request) =>
    request.url.pathname.endsWith('/download')
      ? new Response(null, { status: 307, headers: { location: 'https://storage.example.test/f?sig=1' } })
      : new Response(body, { status: 200 }),
  );
  return ca.reports.resume({ ...JOB, format }).rows();
}

describe('rows()', () => {
  it('csv: header row → keys, quoted fields, BOM, CRLF', async () => {
    const csv =
      '\uFEFFCONVERSATION_ID,STATUS,NOTE\r\n1,OPEN,"a, ""quoted"" note"\r\n2,CLOSED,"multi\nline"\r\n';
    expect(await collect(jobRows('csv', csv))).toEqual([
      { CONVERSATION_ID: '1', STATUS: 'OPEN', NOTE: 'a, "quoted" note' },
      { CONVERSATION_ID: '2', STATUS: 'CLOSED', NOTE: 'multi\nline' },
    ]);
  });

  it('json: streams elements of the top-level array, split anywhere', async () => {
    const emoji = new TextEncoder().encode('"😀"');
    const body = streamOf([
      '[{"agent_name":"Ann',
      'a","agent_id":"1"},',
      ' {"agent_name":',
      emoji.slice(0, 2),
      emoji.slice(2),
      ',"agent_id":null}',
      ']',
    ]);
    expect(await collect(jobRows('json', body))).toEqual([
      { agent_name: 'Anna', agent_id: '1' },
      { agent_name: '😀', agent_id: null },
    ]);
  });

  it('json: non-string scalars become text so the row type holds', async () => {
    expect(await collect(jobRows('json', '[{"n":1,"b":true,"o":{"x":1}}]'))).toEqual([
      { n: '1', b: 'true', o: '{"x":1}' },
    ]);
  });

  it('json: an empty array yields no rows; an empty body is no export at all', async () => {
    expect(await collect(jobRows('json', '[]'))).toEqual([]);
    await expect(collect(jobRows('json', ''))).rejects.toBeInstanceOf(ApiError);
  });

  it('json: a truncated array is an error, not a silent short read', async () => {
    await expect(collect(jsonRows(streamOf(['[{"a":"1"},{"a":'])))).rejects.toThrow();
  });

  it('json: a top-level object is rejected', async () => {
    await expect(collect(jsonRows(streamOf([' {"a":"1"}'])))).rejects.toThrow(/not an array of rows/);
  });

  it('json: a non-object element is rejected', async () => {
    await expect(collect(jsonRows(streamOf(['["x"]'])))).rejects.toThrow(/to be an object/);
  });

  it('a malformed export fails with a format error exported from the package root', async () => {
    await expect(collect(jobRows('csv', 'a,b\n1,"open\n'))).rejects.toBeInstanceOf(CsvFormatError);
    await expect(collect(jobRows('csv', 'a,b\n1,2,3\n'))).rejects.toThrow(/record 2 has 3 fields/);
    await expect(collect(jobRows('json', '[{"a":"1"},'))).rejects.toBeInstanceOf(JsonArrayError);
  });

  it('csv: a body cut mid-stream fails the iteration', async () => {
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!sent) {
          sent = true;
          controller.enqueue(new TextEncoder().encode('a,b\n1,2\n'));
        } else controller.error(new Error('socket closed'));
      },
    });
    await expect(collect(jobRows('csv', body))).rejects.toThrow();
  });
});

describe('rows() stopped early', () => {
  it.each(['csv', 'json'] as const)(
    '%s: breaking out of the loop releases the connection',
    async (format) => {
      const { exportServers } = await import('../support/export-servers.js');
      let closed!: () => void;
      const connectionClosed = new Promise<void>((resolve) => {
        closed = resolve;
      });
      const servers = await exportServers((_req, res) => {
        res.on('close', closed);
        res.writeHead(200);
        res.write(format === 'csv' ? 'a,b\n' : '[');
        let i = 0;
        const tick = setInterval(() => {
          const line = format === 'csv' ? `${i},x\n` : `${i ? ',' : ''}{"a":"${i}"}`;
          i++;
          if (!res.write(line.repeat(1))) clearInterval(tick);
        }, 1);
        res.on('close', () => clearInterval(tick));
      });
      try {
        const seen: string[] = [];
        for await (const row of servers.job(format).rows()) {
          seen.push(String(row.a));
          if (seen.length === 3) break;
        }
        expect(seen).toEqual(['0', '1', '2']);
        await connectionClosed; // the endless body was cancelled, not left open
      } finally {
        await servers.close();
      }
    },
  );
});
