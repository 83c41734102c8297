// Synthetic export bodies for the benchmarks: the same rows as a json array and as csv, of
// realistic width (eight columns, some quoting, some non-ASCII), `targetMb` of json.

const columns = [
  'CONVERSATION_ID',
  'STATUS',
  'ASSIGNED_AGENT_DISPLAY_ID',
  'agent_name',
  'agent_email',
  'CREATED_AT',
  'PRIORITY',
  'NOTE',
];

function makeRow(i: number): Record<string, string> {
  return {
    CONVERSATION_ID: String(100000 + i),
    STATUS: i % 3 ? 'CLOSED' : 'OPEN',
    ASSIGNED_AGENT_DISPLAY_ID: `agent-${i % 97}`,
    agent_name: `Agent Ñame ${i % 97}`,
    agent_email: `agent${i % 97}@example.com`,
    CREATED_AT: new Date(1_700_000_000_000 + i * 1000).toISOString(),
    PRIORITY: String(i % 6),
    NOTE: i % 5 ? 'short note' : 'a "quoted", longer note with commas, and unicode ✓',
  };
}

export function exportBodies(targetMb: number): { json: Uint8Array; csv: Uint8Array; rows: number } {
  const jsonParts: string[] = [];
  const csvParts: string[] = [columns.join(',')];
  let size = 0;
  let rows = 0;
  while (size < targetMb * 1024 * 1024) {
    const row = makeRow(rows++);
    const json = JSON.stringify(row);
    jsonParts.push(json);
    csvParts.push(
      columns
        .map((c) => row[c] ?? '')
        .map((v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v))
        .join(','),
    );
    size += json.length;
  }
  const encoder = new TextEncoder();
  return {
    json: encoder.encode(`[${jsonParts.join(',')}]`),
    csv: encoder.encode(`${csvParts.join('\n')}\n`),
    rows,
  };
}

/** `bytes` as a web stream of 64 KiB chunks, as fast as memory: a file-speed source. */
export function streamOf(bytes: Uint8Array, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + chunk));
      offset += chunk;
    },
  });
}
