import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copySpec, type SpecCopy } from './support/spec-copy.js';

// Each case works on its own temporary copy, never on the real openapi/ or generated/. Every
// run spawns the whole pipeline (lint, bundle, openapi-typescript), so the cases get room for a
// busy machine running the rest of the suite alongside.
describe('npm run generate:check', { timeout: 120_000 }, () => {
  let copy: SpecCopy | undefined;
  afterEach(() => copy?.remove());

  it('passes on the committed spec and generated files', () => {
    copy = copySpec();
    const result = copy.node('scripts/generate.mjs', '--check');
    expect(result.stderr).not.toMatch(/stale|missing|failed/);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('up to date');
  });

  it('fails, naming the stale files and the fix, after one enum value changes in openapi/', () => {
    copy = copySpec();
    copy.edit(
      'openapi/components/schemas/ConversationReportType.yaml',
      '  - CREATED\n',
      '  - CREATED_IN_WINDOW\n',
    );
    const stale = copy.node('scripts/generate.mjs', '--check');
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('generated/openapi.json is stale');
    expect(stale.stderr).toContain('generated/schema.ts is stale');
    expect(stale.stderr).toContain('generated/report-parameters.ts is stale');
    expect(stale.stderr).toContain('npm run generate');

    // `npm run generate` brings generated/ back in line, after which the check passes again.
    expect(copy.node('scripts/generate.mjs').status).toBe(0);
    expect(copy.node('scripts/generate.mjs', '--check').status).toBe(0);
  });

  it('fails when a generated file is missing', () => {
    copy = copySpec();
    rmSync(path.join(copy.dir, 'generated/report-parameters.ts'));
    const result = copy.node('scripts/generate.mjs', '--check');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('generated/report-parameters.ts is missing');
    expect(existsSync(path.join(copy.dir, 'generated/report-parameters.ts'))).toBe(false);
  });

  it('fails on a lint error before comparing anything', () => {
    copy = copySpec();
    copy.edit('openapi/paths/teams.yaml', '  summary: List teams\n', '');
    const result = copy.node('scripts/generate.mjs', '--check');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('operation-summary');
    expect(result.stderr).toContain('redocly lint failed');
  });
});
