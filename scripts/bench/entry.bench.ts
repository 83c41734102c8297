// The client entry's weight: `khoros-care-analytics` bundled as an app would (esbuild, minified,
// code-split so that what loads only on demand — row readers, papaparse, range export, sync — is
// in chunks of its own): gzip of the entry chunk and the chunks it imports statically, against
// openapi-fetch alone bundled the same way.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { report } from './support/report.js';

const root = new URL('../../', import.meta.url).pathname;

/** Gzip KiB of the entry chunk with every chunk it imports statically (what loads at start). */
async function entryKiB(contents: string): Promise<number> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    write: false,
    metafile: true,
    outdir: '/tmp/ca-bench-entry',
  });
  const outputs = result.metafile.outputs;
  const byPath = new Map(result.outputFiles.map((file) => [file.path, file.contents]));
  const entry = Object.keys(outputs).find((path) => outputs[path]?.entryPoint === '<stdin>');
  if (!entry) throw new Error('esbuild produced no entry chunk');
  const loaded = new Set<string>();
  const visit = (path: string) => {
    if (loaded.has(path)) return;
    loaded.add(path);
    for (const imp of outputs[path]?.imports ?? [])
      if (imp.kind === 'import-statement' && !imp.external) visit(imp.path);
  };
  visit(entry);
  const chunks = [...loaded].map((path) => {
    const contents = [...byPath].find(([full]) => full.endsWith(path.replace(/^(\.\.\/)+/, '/')))?.[1];
    if (!contents) throw new Error(`no output for ${path}`);
    return contents;
  });
  // One gzip over what loads at start, as if it were one file: the split is a loading detail.
  return gzipSync(Buffer.concat(chunks)).length / 1024;
}

const client = await entryKiB("export * from './dist/src/index.js';");
const alone = await entryKiB("export { default } from 'openapi-fetch';");
report({
  what: 'client entry `khoros-care-analytics`, min + gzip',
  baseline: '—',
  ratios: [client],
  target: 15,
  lowerIsBetter: true,
  unit: 'KiB',
  note: `openapi-fetch alone ${alone.toFixed(1)} KiB; row readers, papaparse, range export and sync load on demand`,
});
