// JSON Schema 2020-12 (OpenAPI 3.1's dialect) over the bundled spec: validate a value against any
// schema of generated/openapi.json by its JSON pointer.
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { spec } from './bundled-spec.js';

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
ajv.addFormat('uri', (value: string) => URL.canParse(value));
ajv.addFormat('int64', { type: 'number', validate: Number.isSafeInteger });
ajv.addSchema(spec, 'spec');

/** Errors of `value` against the schema at `pointer` (e.g. `/components/schemas/Team`); [] if valid. */
export function schemaErrors(pointer: string, value: unknown): ErrorObject[] {
  const validate = ajv.getSchema(`spec#${pointer}`) ?? ajv.compile({ $ref: `spec#${pointer}` });
  return validate(value) ? [] : [...(validate.errors ?? [])];
}
