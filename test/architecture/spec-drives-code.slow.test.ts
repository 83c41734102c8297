import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOfCheckout, sh } from '../package/support/checkout.js';

// The spec drives the code: in a copy of the checkout, one enum value of openapi/ changes, then
// `npm run generate` — and, with no other edit, the CLI's `types` output, the client's validation
// and the sandbox's validation all follow.
const PROBE = `
import { checkReportParams } from './src/parameters/index.js';
import { startSandbox } from './src/sandbox/index.js';
const window = { startTime: Date.parse('2026-11-01T00:00:00Z'), endTime: Date.parse('2026-11-02T00:00:00Z') };
const client = {};
for (const value of ['CREATED', 'CREATED_WITHIN']) {
  try { checkReportParams('conversation', { ...window, conversationReportType: value }); client[value] = 'accepted'; }
  catch (error) { client[value] = error.message; }
}
const sb = await startSandbox();
const auth = 'Basic ' + Buffer.from(sb.credentials.username + ':' + sb.credentials.password).toString('base64');
const sandbox = {};
for (const value of ['CREATED', 'CREATED_WITHIN']) {
  const query = 'startTime=' + window.startTime + '&endTime=' + window.endTime + '&conversationReportType=' + value;
  const res = await fetch(sb.url + '/reports/report/conversation?' + query + '&companyKey=' + sb.credentials.companyKey, { method: 'POST', headers: { authorization: auth } });
  sandbox[value] = res.status;
}
await sb.close();
console.log(JSON.stringify({ client, sandbox }));
`;

let work: string;
let root: string;
const tsx = (...args: string[]) =>
  sh(process.execPath, ['node_modules/tsx/dist/cli.mjs', ...args], root, 'tsx');

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ca-spec-drives-'));
  root = await copyOfCheckout(work);
  const schema = join(root, 'openapi/components/schemas/ConversationReportType.yaml');
  const text = readFileSync(schema, 'utf8');
  expect(text).toContain('  - CREATED\n');
  writeFileSync(schema, text.replace('  - CREATED\n', '  - CREATED_WITHIN\n'));
  await sh(process.execPath, ['scripts/generate.mjs'], root, 'npm run generate');
  writeFileSync(join(root, 'probe.ts'), PROBE);
}, 600_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('one enum value changed in openapi/, then npm run generate', () => {
  it('changes the CLI types output', async () => {
    const { stdout } = await tsx('src/cli/main.ts', 'types', 'conversation');
    expect(stdout).toMatch(/--conversation-type .*open-at-end \| closed \| created-within/);
  });

  it("changes the client's and the sandbox's validation", async () => {
    const { stdout } = await tsx('probe.ts');
    const { client, sandbox } = JSON.parse(stdout) as {
      client: Record<string, string>;
      sandbox: Record<string, number>;
    };
    expect(client.CREATED_WITHIN).toBe('accepted');
    expect(client.CREATED).toBe(
      'Invalid conversationReportType: "CREATED" is not allowed. Fix: use one of OPEN_AT_END, CLOSED, CREATED_WITHIN',
    );
    expect(sandbox).toEqual({ CREATED: 400, CREATED_WITHIN: 200 });
  });
});
