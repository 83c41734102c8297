// Checks an answer of the sandbox against generated/openapi.json: the operation (matched by
// openapi-backend), a declared status, the declared headers, a declared media type and a body
// that validates (JSON Schema 2020-12 via ajv). A text/plain body declared as JSON text
// (contentMediaType/contentSchema) is parsed and checked against its contentSchema.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { OpenAPIBackend } from 'openapi-backend';
import type { SandboxAnswer } from '../../src/sandbox/index.js';

// biome-ignore lint/suspicious/noExplicitAny: a parsed OpenAPI document is walked dynamically.
type Node = any;

const spec: Node = JSON.parse(readFileSync(new URL('../../generated/openapi.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
ajv.addFormat('uri', (value: string) => URL.canParse(value));
ajv.addFormat('int64', { type: 'number', validate: Number.isSafeInteger });
ajv.addSchema(spec, 'spec');

// Loaded on first use: most test files start no sandbox and should not pay for it.
let router: Promise<OpenAPIBackend> | undefined;
function operationRouter(): Promise<OpenAPIBackend> {
  router ??= import('openapi-backend').then(async ({ OpenAPIBackend: Backend }) => {
    const backend = new Backend({ definition: structuredClone(spec), quick: true, validate: false });
    await backend.init();
    return backend;
  });
  return router;
}

const pointerKey = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** Follows `$ref`s; returns the node and the JSON pointer it lives at. */
function resolved(pointer: string): { node: Node; pointer: string } {
  let at = pointer;
  for (;;) {
    const node = at
      .split('/')
      .slice(1)
      .reduce((value: Node, key: string) => value?.[key.replaceAll('~1', '/').replaceAll('~0', '~')], spec);
    if (typeof node?.$ref !== 'string') return { node, pointer: at };
    at = node.$ref.slice(1);
  }
}

function schemaErrors(pointer: string, value: unknown): string[] {
  const validate = ajv.getSchema(`spec#${pointer}`) ?? ajv.compile({ $ref: `spec#${pointer}` });
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message ?? 'is invalid'}`);
}

/**
 * Compiles every response body schema up front, so that checking answers later costs
 * microseconds and does not slow down the tests that watch a sandbox job's timing.
 */
let prepared: Promise<void> | undefined;

export function prepareAnswerChecks(): Promise<void> {
  prepared ??= compileAnswerChecks();
  return prepared;
}

async function compileAnswerChecks(): Promise<void> {
  await operationRouter();
  for (const [name, response] of Object.entries(spec.components.responses as Record<string, Node>)) {
    for (const [type, media] of Object.entries((response.content ?? {}) as Record<string, Node>)) {
      const pointer = `/components/responses/${name}/content/${pointerKey(type)}/schema`;
      schemaErrors(pointer, null);
      if (media.schema?.contentSchema) schemaErrors(`${pointer}/contentSchema`, null);
    }
  }
}

/** Whether an operation of the spec answers this request; false for paths the spec lacks. */
export async function operationOf(answer: Pick<SandboxAnswer, 'method' | 'path'>) {
  return (await operationRouter()).matchOperation({
    method: answer.method,
    path: answer.path,
    headers: {},
    query: '',
  });
}

/** The problems of one answer; [] when it is what the spec declares. */
export async function checkAnswer(answer: SandboxAnswer): Promise<string[]> {
  const operation = await operationOf(answer);
  if (!operation) return [`no operation ${answer.method} ${answer.path} in the spec`];
  const opPointer = `/paths/${pointerKey(operation.path)}/${operation.method}`;
  const declared = resolved(`${opPointer}/responses`).node as Record<string, unknown>;
  const code =
    [String(answer.status), `${String(answer.status)[0]}XX`, 'default'].find((key) => key in declared) ?? '';
  if (!code)
    return [`status ${answer.status} is not declared (declared: ${Object.keys(declared).join(', ')})`];
  const { node: response, pointer: responsePointer } = resolved(`${opPointer}/responses/${pointerKey(code)}`);
  const problems: string[] = [];

  for (const name of Object.keys(response.headers ?? {})) {
    const { node: header, pointer } = resolved(`${responsePointer}/headers/${pointerKey(name)}`);
    const value = answer.headers[name.toLowerCase()];
    if (value === undefined) {
      if (header.required) problems.push(`header ${name} is required`);
      continue;
    }
    const asNumber = /^-?\d+$/.test(value) ? Number(value) : undefined;
    const errors = schemaErrors(`${pointer}/schema`, value);
    if (errors.length && (asNumber === undefined || schemaErrors(`${pointer}/schema`, asNumber).length))
      problems.push(`header ${name}: ${errors.join('; ')}`);
  }

  const content = (response.content ?? {}) as Record<string, Node>;
  if (Object.keys(content).length === 0) {
    if (answer.body !== '') problems.push(`status ${code} declares no body, got ${answer.body.length} bytes`);
    return problems;
  }
  const mediaType = (answer.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!(mediaType in content)) {
    problems.push(
      `content-type ${mediaType || '(none)'} is not declared (${Object.keys(content).join(', ')})`,
    );
    return problems;
  }
  const schemaPointer = `${responsePointer}/content/${pointerKey(mediaType)}/schema`;
  const schema = resolved(schemaPointer).node;
  const jsonText = schema?.contentMediaType === 'application/json';
  if (jsonText) problems.push(...schemaErrors(schemaPointer, answer.body));
  if (jsonText || mediaType === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(answer.body);
    } catch {
      return [...problems, `body is not JSON: ${answer.body.slice(0, 80)}`];
    }
    problems.push(...schemaErrors(jsonText ? `${schemaPointer}/contentSchema` : schemaPointer, parsed));
  }
  return problems;
}
