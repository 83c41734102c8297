#!/usr/bin/env node
// `npm run generate`: lint openapi/ → bundle it to generated/openapi.json → derive
// generated/schema.ts (openapi-typescript), generated/report-rules.ts and generated/report-parameters.ts.
// `npm run generate:check` (--check): the same into a temporary directory, then a byte
// comparison with generated/; exits 1 naming every stale or missing file.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleSpec, specToJson } from './generate/bundle.mjs';
import { runRedocly } from './generate/redocly.mjs';
import { reportParameterModules } from './generate/report-parameters.mjs';
import { schemaTypes } from './generate/schema-types.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

async function render() {
  const lint = runRedocly(root, ['lint', '--format', 'stylish']);
  if (!lint.ok) {
    process.stderr.write(`${lint.output}\nredocly lint failed: fix the problems above in openapi/.\n`);
    process.exit(1);
  }
  const spec = bundleSpec(root);
  return {
    'openapi.json': specToJson(spec),
    'schema.ts': await schemaTypes(spec),
    ...reportParameterModules(spec),
  };
}

function write(dir, files) {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
}

function staleFiles(freshDir, files) {
  const generatedDir = path.join(root, 'generated');
  return Object.keys(files).flatMap((name) => {
    const target = path.join(generatedDir, name);
    if (!existsSync(target)) return [`generated/${name} is missing`];
    const same = readFileSync(target).equals(readFileSync(path.join(freshDir, name)));
    return same ? [] : [`generated/${name} is stale (openapi/ changed since it was generated)`];
  });
}

const files = await render();
if (!check) {
  write(path.join(root, 'generated'), files);
  console.log(`generated/: ${Object.keys(files).join(', ')} written from openapi/`);
} else {
  const freshDir = mkdtempSync(path.join(os.tmpdir(), 'care-analytics-generate-'));
  try {
    write(freshDir, files);
    const problems = staleFiles(freshDir, files);
    if (problems.length > 0) {
      process.stderr.write(
        `${problems.map((p) => `✗ ${p}`).join('\n')}\nRun \`npm run generate\` and commit generated/.\n`,
      );
      process.exit(1);
    }
    console.log('generated/ is up to date with openapi/ (lint clean).');
  } finally {
    rmSync(freshDir, { recursive: true, force: true });
  }
}
