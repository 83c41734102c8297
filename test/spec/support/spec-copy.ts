// A throw-away copy of everything `scripts/generate.mjs` reads, so tests can break the spec
// without touching the real openapi/ and generated/.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const COPIED = [
  'openapi',
  'redocly.yaml',
  'package.json',
  'scripts/generate.mjs',
  'scripts/generate',
  'generated',
];

export interface SpecCopy {
  readonly dir: string;
  /** Replaces `search` (which must occur exactly once) in the copied file `relativePath`. */
  edit(relativePath: string, search: string, replacement: string): void;
  /** Runs `node <script> ...args` inside the copy. */
  node(script: string, ...args: string[]): { status: number | null; stdout: string; stderr: string };
  remove(): void;
}

export function copySpec(): SpecCopy {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'care-analytics-spec-'));
  for (const entry of COPIED) cpSync(path.join(repoRoot, entry), path.join(dir, entry), { recursive: true });
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return {
    dir,
    edit(relativePath, search, replacement) {
      const file = path.join(dir, relativePath);
      const text = readFileSync(file, 'utf8');
      const occurrences = text.split(search).length - 1;
      if (occurrences !== 1)
        throw new Error(`${relativePath}: expected one "${search}", found ${occurrences}`);
      writeFileSync(file, text.replace(search, replacement));
    },
    node(script, ...args) {
      const result = spawnSync(process.execPath, [script, ...args], { cwd: dir, encoding: 'utf8' });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
