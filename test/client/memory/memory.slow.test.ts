import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./stream-export.script.ts', import.meta.url));
const MB = 1024 * 1024;
const BODY_MB = 200;

async function measure(mode: 'rows' | 'csv-rows' | 'file', bodyMb = BODY_MB) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', script, mode, String(bodyMb)],
    { cwd: fileURLToPath(new URL('../../..', import.meta.url)), maxBuffer: MB },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
    rows: number;
    bytes: number;
    peakHeapGrowth: number;
    peakArrayBufferGrowth: number;
  };
}

// A separate process so that forced GC and heap figures are not muddied by vitest itself.
describe('memory stays flat on a large export', () => {
  it('rows() (json)', { timeout: 180_000 }, async () => {
    const result = await measure('rows');
    expect(result.rows).toBeGreaterThan(1_000_000);
    expect(result.peakHeapGrowth).toBeLessThan(50 * MB);
    expect(result.peakArrayBufferGrowth).toBeLessThan(50 * MB);
  });

  it('rows() (csv)', { timeout: 180_000 }, async () => {
    // Half the size: CSV parsing is the slowest of the three, and 100 MB is still twice the bound.
    const result = await measure('csv-rows', BODY_MB / 2);
    expect(result.rows).toBeGreaterThan(500_000);
    expect(result.peakHeapGrowth).toBeLessThan(50 * MB);
    expect(result.peakArrayBufferGrowth).toBeLessThan(50 * MB);
  });

  it('downloadToFile()', { timeout: 180_000 }, async () => {
    const result = await measure('file');
    expect(result.bytes).toBeGreaterThan(BODY_MB * MB);
    expect(result.peakHeapGrowth).toBeLessThan(50 * MB);
    expect(result.peakArrayBufferGrowth).toBeLessThan(50 * MB);
  });
});
