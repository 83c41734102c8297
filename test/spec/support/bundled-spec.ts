// The bundled spec (generated/openapi.json) with a tiny $ref resolver, for contract tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './spec-copy.js';

// biome-ignore lint/suspicious/noExplicitAny: a parsed OpenAPI document is walked dynamically.
export type Node = any;

export const spec: Node = JSON.parse(readFileSync(path.join(repoRoot, 'generated/openapi.json'), 'utf8'));

export function resolve(node: Node): Node {
  let current = node;
  while (current && typeof current.$ref === 'string') {
    const pointer: string = current.$ref;
    current = pointer
      .slice(2)
      .split('/')
      .reduce((value: Node, key: string) => value?.[key.replaceAll('~1', '/')], spec);
  }
  return current;
}

export function operation(method: string, apiPath: string): Node {
  const op = spec.paths?.[apiPath]?.[method];
  if (!op) throw new Error(`no ${method.toUpperCase()} ${apiPath} in the bundled spec`);
  return op;
}

/** Parameters of an operation, path-level ones included, resolved. */
export function parametersOf(method: string, apiPath: string): Node[] {
  const shared = spec.paths[apiPath].parameters ?? [];
  return [...shared, ...(operation(method, apiPath).parameters ?? [])].map(resolve);
}
