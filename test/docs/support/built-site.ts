// Builds site/ with `npm run docs` unless it is newer than everything it is made from.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const siteDir = path.join(repoRoot, 'site');
export const sitePage = path.join(siteDir, 'api.html');
/** Where the browser tests leave their screenshots (CI keeps them as an artifact). */
export const screenshots = path.join(siteDir, 'screenshots');

// Everything site/ is made from: the spec, the docs, the scripts, and src/ (TypeDoc, CLI help).
const SOURCES = [
  'openapi',
  'redocly.yaml',
  'scripts/build-docs.mjs',
  'scripts/build-docs',
  'docs',
  'src',
  'package.json',
];

function newestMtime(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

export function ensureSiteBuilt(): void {
  const newestSource = Math.max(...SOURCES.map((entry) => newestMtime(path.join(repoRoot, entry))));
  const built = path.join(siteDir, 'code-samples.json');
  if (!existsSync(built) || statSync(built).mtimeMs <= newestSource) {
    execFileSync(process.execPath, [path.join(repoRoot, 'scripts/build-docs.mjs')], {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  }
  mkdirSync(screenshots, { recursive: true });
}
