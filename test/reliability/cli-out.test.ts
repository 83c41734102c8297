import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { cliInProcess } from './support/cli.js';
import { characterDevice, fifo } from './support/special-files.js';

let sandbox: Sandbox;
let dir: string;
beforeAll(async () => {
  sandbox = await startSandbox({ jobDurationMs: 0, rowsPerDay: 50 });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ca-rel-out-'));
});
afterEach(() => {
  sandbox.faults.clear();
  rmSync(dir, { recursive: true, force: true });
});

const env = () => ({
  KHOROS_ANALYTICS_URL: sandbox.url,
  KHOROS_ANALYTICS_USER: sandbox.credentials.username,
  KHOROS_ANALYTICS_PASSWORD: sandbox.credentials.password,
  KHOROS_ANALYTICS_COMPANY_KEY: sandbox.credentials.companyKey,
});
const args = (out: string) => [
  'export',
  'conversation',
  '--from',
  '2026-11-01',
  '--to',
  '2026-11-02',
  '--format',
  'csv',
  '--quiet',
  '--out',
  out,
];
const run = (out: string) => cliInProcess(args(out), { env: env(), cwd: dir });

describe('care-analytics export --out', () => {
  it.each([
    ['a character device', () => characterDevice(dir)],
    ['a FIFO', () => fifo(dir)],
  ])('refuses %s: exit 2, nothing sent', async (_name, make) => {
    const target = make();
    const before = sandbox.requests.length;
    const result = await run(target);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not a regular file/);
    expect(sandbox.requests.length).toBe(before);
  });

  it('writes through a symbolic link and keeps the replaced file mode', async () => {
    writeFileSync(join(dir, 'real.csv'), 'old', { mode: 0o600 });
    symlinkSync('real.csv', join(dir, 'link.csv'));
    const result = await run(join(dir, 'link.csv'));
    expect(result).toMatchObject({ code: 0 });
    expect(lstatSync(join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.csv'), 'utf8')).toMatch(/^CONVERSATION_ID,/);
    expect(statSync(join(dir, 'real.csv')).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(['link.csv', 'real.csv']);
  });

  it('removes the directories it created for an export that failed', async () => {
    sandbox.faults.add({ route: 'storage', kind: 'httpError', status: 404, times: 10 });
    const result = await run(join(dir, 'a/b/c/out.csv'));
    expect(result.code).toBe(1);
    expect(existsSync(join(dir, 'a'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps directories that existed before', async () => {
    sandbox.faults.add({ route: 'storage', kind: 'httpError', status: 404, times: 10 });
    const result = await run(join(dir, 'out.csv'));
    expect(result.code).toBe(1);
    expect(existsSync(dir)).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });
});
