import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Import, root } from './support/import-graph.js';

// THE LAYERING RULES, all of them (CONTRIBUTING.md, "Layering", explains them and draws the graph; layering.test.ts checks them).
//
// A part is a top-level folder of src/, the client entry files directly in src/ (`src/*.ts`:
// index.ts, client.ts), or generated/. Each part may import the parts listed for it, besides
// itself, Node's built-ins and npm packages. `entries` means: only the modules package.json
// `exports` publishes (src/index.ts, src/rows/index.ts, …) — the CLI and the sandbox use the
// package the way its users do, so whatever they need is public for everyone.
// biome-ignore format: one line per rule
export const mayImport = {
  'src/cli': 'entries',
  'src/sandbox': 'entries',
  'src/*.ts': ['src/internal', 'src/errors', 'src/types', 'src/rows', 'src/time', 'src/parameters', 'generated'],
  'src/internal': [
    'src/errors',
    'src/types',
    'src/rows',
    'src/time',
    'src/redaction',
    'src/parameters',
    'src/files',
    'generated',
  ],
  'src/errors': ['src/types', 'src/redaction'],
  'src/types': ['src/rows', 'src/time', 'generated'],
  'src/rows': ['src/errors'],
  'src/time': ['generated'],
  'src/redaction': [],
  'src/files': ['src/errors'],
  'src/parameters': ['src/errors', 'src/types', 'src/time', 'generated'],
  generated: [],
} as const satisfies Record<string, 'entries' | readonly string[]>;

type Part = keyof typeof mayImport;

/** The part a repository path belongs to. */
export function partOf(path: string): string {
  if (path.startsWith('generated/')) return 'generated';
  const [, folder, rest] = /^src\/([^/]+)(\/.*)?$/.exec(path) ?? [];
  if (folder === undefined) return path;
  return rest === undefined ? 'src/*.ts' : `src/${folder}`;
}

/** The source files package.json publishes as entry points, e.g. `src/rows/index.ts`. */
export function publicEntries(): Set<string> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    exports: Record<string, string | { types: string; default: string }>;
  };
  const targets = Object.values(pkg.exports).flatMap((target) =>
    typeof target === 'string' ? [] : [target.default],
  );
  return new Set(targets.map((target) => target.replace(/^\.\/dist\//, '').replace(/\.js$/, '.ts')));
}

export function breaks(imp: Import, entries: Set<string>): boolean {
  if (imp.to === undefined) return false;
  const from = partOf(imp.from) as Part;
  const to = partOf(imp.to);
  if (to === from) return false;
  const allowed: 'entries' | readonly string[] = mayImport[from];
  return allowed === 'entries' ? !entries.has(imp.to) : !allowed.includes(to);
}
