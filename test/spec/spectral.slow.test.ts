import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './support/spec-copy.js';

// A second linter the project does not otherwise use: Spectral with its stock OpenAPI rules
// (.spectral.yaml extends spectral:oas), on the bundled spec that is published.
const require = createRequire(import.meta.url);
const manifest = require.resolve('@stoplight/spectral-cli/package.json');
const bin = path.join(path.dirname(manifest), JSON.parse(readFileSync(manifest, 'utf8')).bin.spectral);

interface Finding {
  readonly code: string;
  readonly message: string;
  readonly path: readonly string[];
}

function spectral(file: string): Finding[] {
  const result = spawnSync(
    process.execPath,
    [bin, 'lint', file, '--ruleset', path.join(repoRoot, '.spectral.yaml'), '--format', 'json', '--quiet'],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  const text = result.stdout.trim();
  if (!text.startsWith('[')) throw new Error(`spectral gave no JSON report: ${result.stderr}${text}`);
  return JSON.parse(text) as Finding[];
}

describe('spectral:oas', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'care-analytics-spectral-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports no problem at all on generated/openapi.json', () => {
    const findings = spectral(path.join(repoRoot, 'generated/openapi.json'));
    expect(findings.map((f) => `${f.code} at ${f.path.join('.')}: ${f.message}`)).toEqual([]);
  });

  it('would report a missing contact and an undefined tag (the check can fail)', () => {
    const spec = JSON.parse(readFileSync(path.join(repoRoot, 'generated/openapi.json'), 'utf8'));
    delete spec.info.contact;
    spec.paths['/teams'].get.tags = ['Nowhere'];
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify(spec));
    const codes = spectral(broken).map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['info-contact', 'operation-tag-defined']));
  });
});
