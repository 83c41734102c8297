// The HTTP reference: Redoc's page for the bundled spec, with every operation's code samples
// and links to the rest of the site, rendered to one self-contained file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runRedocly } from '../generate/redocly.mjs';
import { inlineRedocLogo } from './offline-logo.mjs';

const SITE_LINKS =
  '\n\nThe rest of this site: [home](index.html), the [guide](guide.html), the ' +
  '[TypeScript client reference](client/index.html), the [sandbox reference](sandbox.html) ' +
  'and the [CLI reference](cli.html). Every operation shows a `curl`, TypeScript client and CLI sample.';

export function buildHttpReference(root, spec, outFile) {
  const docsSpec = { ...spec, info: { ...spec.info, description: `${spec.info.description}${SITE_LINKS}` } };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'care-analytics-docs-'));
  try {
    const input = path.join(dir, 'openapi.json');
    writeFileSync(input, JSON.stringify(docsSpec));
    const { ok, output } = runRedocly(root, [
      'build-docs',
      input,
      '--inlineBundle',
      '--output',
      outFile,
      '--title',
      'Khoros Care Analytics Reports API',
      '--template',
      path.join(root, 'scripts', 'build-docs', 'template.hbs'),
    ]);
    if (!ok) throw new Error(`redocly build-docs failed:\n${output}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  writeFileSync(outFile, inlineRedocLogo(readFileSync(outFile, 'utf8')));
}
