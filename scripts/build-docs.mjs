#!/usr/bin/env node
// `npm run docs`: builds site/, one offline site made of
//   index.html, guide.html, sandbox.html — docs/index.md, docs/guide.md, docs/sandbox.md
//   api.html                — the HTTP reference (Redoc, self-contained) with generated code samples
//   client/                 — the TypeScript client reference (TypeDoc, from the TSDoc)
//   cli.html                — the CLI reference: docs/cli.md, then the CLI's own --help
//   code-samples.json       — the samples shown in api.html, which test/docs runs
// Nothing in it loads from the network.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtCli } from './build-docs/built-cli.mjs';
import { cliReference } from './build-docs/cli-reference.mjs';
import { buildClientReference } from './build-docs/client-reference.mjs';
import { codeSamples, withCodeSamples } from './build-docs/code-samples.mjs';
import { buildHttpReference } from './build-docs/http-reference.mjs';
import { page, renderMarkdown } from './build-docs/page.mjs';
import { bundleSpec } from './generate/bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const site = path.join(root, 'site');
rmSync(site, { recursive: true, force: true });
mkdirSync(site, { recursive: true });

const cli = builtCli(root);
const flags = cli.flags();
const spec = bundleSpec(root);
const samples = codeSamples(spec, (parameter) => {
  const flag = flags[parameter];
  if (!flag) throw new Error(`the CLI has no flag for ${parameter}`);
  return flag;
});
writeFileSync(path.join(site, 'code-samples.json'), `${JSON.stringify(samples, null, 2)}\n`);
buildHttpReference(root, withCodeSamples(spec, samples), path.join(site, 'api.html'));

const markdownOf = (source) => renderMarkdown(readFileSync(path.join(root, source), 'utf8'));
const { body: cliBody, commands } = cliReference(cli, markdownOf('docs/cli.md'));
writeFileSync(path.join(site, 'cli.html'), page({ title: 'CLI reference', file: 'cli.html', body: cliBody }));
for (const [source, file, title] of [
  ['docs/index.md', 'index.html', 'Documentation'],
  ['docs/guide.md', 'guide.html', 'Guide'],
  ['docs/sandbox.md', 'sandbox.html', 'Sandbox reference'],
]) {
  writeFileSync(path.join(site, file), page({ title, file, body: markdownOf(source) }));
}

const warnings = await buildClientReference(root, path.join(site, 'client'));
if (warnings > 0) {
  process.stderr.write(`TypeDoc reported ${warnings} warning(s) above; fix the TSDoc in src/.\n`);
  process.exit(1);
}
const operations = Object.keys(samples).length;
console.log(
  `site/ built: api.html (${operations} operations, ${operations * 3 - 1} code samples), client/, ` +
    `cli.html (${commands.length} commands), guide.html, sandbox.html, index.html — self-contained, renders offline.`,
);
