import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { partOf } from './layers.js';
import { root, shippedImports } from './support/import-graph.js';

/** The edges of the mermaid drawing in CONTRIBUTING.md, as `from --> to` between folder labels. */
function drawnEdges(): string[] {
  const text = readFileSync(join(root, 'CONTRIBUTING.md'), 'utf8');
  const drawing = /```mermaid\n([\s\S]*?)```/.exec(text)?.[1] ?? '';
  const labels = new Map<string, string>();
  for (const [, id, label] of drawing.matchAll(/^\s*(\w+)\["([^"]+)"\]\s*$/gm))
    labels.set(id ?? '', (label ?? '').replace(/ \(.*\)$/, ''));
  return [...drawing.matchAll(/^\s*(\w+)\s*-->\s*(\w+)\s*$/gm)].map(
    ([, from, to]) => `${labels.get(from ?? '') ?? from} --> ${labels.get(to ?? '') ?? to}`,
  );
}

/** The same between the parts of the real code. */
function realEdges(): string[] {
  const edges = new Set<string>();
  for (const imp of shippedImports()) {
    if (imp.to === undefined) continue;
    const from = partOf(imp.from);
    const to = partOf(imp.to);
    if (from !== to) edges.add(`${from} --> ${to}`);
  }
  return [...edges];
}

describe('the import graph drawn in CONTRIBUTING.md', () => {
  it('has exactly the edges of the real imports between top-level folders', () => {
    const drawn = drawnEdges();
    expect(drawn.length).toBeGreaterThan(10);
    expect(new Set(drawn).size).toBe(drawn.length);
    expect([...drawn].sort()).toEqual(realEdges().sort());
  });
});
