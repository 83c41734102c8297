#!/usr/bin/env node
// `npm run docs`: renders openapi/ as one self-contained Redoc page, site/index.html. The Redoc
// script is inlined (--inlineBundle) and the page template forbids every network fetch, so it
// renders offline and never calls out.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inlineRedocLogo } from './build-docs/offline-logo.mjs';
import { runRedocly } from './generate/redocly.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const output = path.join('site', 'index.html');

mkdirSync(path.join(root, 'site'), { recursive: true });
const { ok, output: log } = runRedocly(root, [
  'build-docs',
  'main',
  '--inlineBundle',
  '--output',
  output,
  '--title',
  'Khoros Care Analytics Reports API',
  // Show every report type in the report_type enum instead of ten and a "+3 more" button.
  '--openapi.maxDisplayedEnumValues=20',
  '--template',
  path.join('scripts', 'build-docs', 'template.hbs'),
]);
if (!ok) {
  process.stderr.write(`${log}\nredocly build-docs failed.\n`);
  process.exit(1);
}
const file = path.join(root, output);
writeFileSync(file, inlineRedocLogo(readFileSync(file, 'utf8')));
console.log(`${output} built from openapi/ (self-contained, renders offline).`);
