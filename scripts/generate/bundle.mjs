import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GENERATED_NOTICE } from './header.mjs';
import { runRedocly } from './redocly.mjs';

/**
 * Bundles openapi/ into one OpenAPI document (the `main` api of redocly.yaml) and returns it
 * parsed, with the generated-file notice as the top-level `x-generated` field (JSON has no
 * comments).
 */
export function bundleSpec(root) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'care-analytics-bundle-'));
  try {
    const file = path.join(dir, 'openapi.json');
    const { ok, output } = runRedocly(root, ['bundle', 'main', '--output', file]);
    if (!ok) throw new Error(`redocly bundle failed:\n${output}`);
    const spec = JSON.parse(readFileSync(file, 'utf8'));
    return { 'x-generated': GENERATED_NOTICE, ...spec };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function specToJson(spec) {
  return `${JSON.stringify(spec, null, 2)}\n`;
}
