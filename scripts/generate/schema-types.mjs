import openapiTS, { astToString } from 'openapi-typescript';
import { GENERATED_NOTICE } from './header.mjs';

/**
 * A JSON body the service labels `text/plain` is declared as a string whose `contentSchema` is
 * the envelope. Clients parse it as JSON whatever the label, so the types describe what they get
 * after parsing: the envelope, under both media types. Returns a rewritten copy.
 */
function parsedJsonText(node) {
  if (Array.isArray(node)) return node.map(parsedJsonText);
  if (node === null || typeof node !== 'object') return node;
  if (node.contentMediaType === 'application/json' && node.contentSchema) {
    return parsedJsonText(node.contentSchema);
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, parsedJsonText(value)]));
}

/** Turns the bundled spec into openapi-typescript's `paths` / `components` / `operations` types. */
export async function schemaTypes(spec) {
  const ast = await openapiTS(parsedJsonText(spec), { silent: true });
  return `// ${GENERATED_NOTICE}\n${astToString(ast)}`;
}
