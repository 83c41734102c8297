// The client entry's weight: `khoros-care-analytics` bundled as an app would (esbuild, minified,
// code-split so that what loads only on demand — the row readers, papaparse — is a separate
// chunk), gzip of the entry chunk, against openapi-fetch alone bundled the same way.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { report } from './support/report.js';

const root = new URL('../../', import.meta.url).pathname;

async function entryKiB(contents: string): Promise<number> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    write: false,
    outdir: '/tmp/ca-bench-entry',
  });
  const entry = result.outputFiles.find((file) => file.path.endsWith('stdin.js'));
  if (!entry) throw new Error('esbuild produced no entry chunk');
  return gzipSync(entry.contents).length / 1024;
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
  note: `openapi-fetch alone ${alone.toFixed(1)} KiB; row readers and papaparse load on demand`,
});
