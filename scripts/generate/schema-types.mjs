import openapiTS, { astToString } from 'openapi-typescript';
import { GENERATED_NOTICE } from './header.mjs';

/** Turns the bundled spec into openapi-typescript's `paths` / `components` / `operations` types. */
export async function schemaTypes(spec) {
  // openapi-typescript mutates its input while resolving; give it a private copy.
  const ast = await openapiTS(structuredClone(spec), { silent: true });
  return `// ${GENERATED_NOTICE}\n${astToString(ast)}`;
}
