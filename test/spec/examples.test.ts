import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { type Node, resolve, spec } from './support/bundled-spec.js';

// An independent check, next to redocly's no-invalid-*-examples rules: every example in the
// bundled spec validates against its schema under JSON Schema 2020-12 (OpenAPI 3.1's dialect).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat('uuid', UUID);
ajv.addFormat('uri', (value: string) => URL.canParse(value));
ajv.addFormat('int64', { type: 'number', validate: Number.isSafeInteger });
ajv.addSchema(spec, 'spec');

function validatorFor(pointer: string) {
  return ajv.compile({ $ref: `spec#${pointer}` });
}

const pointerKey = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

interface Case {
  readonly where: string;
  readonly schemaPointer: string;
  readonly value: unknown;
}

/** Examples of every request and response body, keyed by where they appear. */
function mediaExamples(): Case[] {
  const cases: Case[] = [];
  const visit = (where: string, pointer: string, media: Node) => {
    const named = Object.entries(media.examples ?? {}).map(([name, example]) => [
      name,
      resolve(example).value,
    ]);
    if ('example' in media) named.push(['example', media.example]);
    for (const [name, value] of named) {
      cases.push({ where: `${where} (${name})`, schemaPointer: `${pointer}/schema`, value });
    }
  };
  for (const [name, body] of Object.entries(spec.components.requestBodies ?? {})) {
    for (const [type, media] of Object.entries((body as Node).content)) {
      visit(
        `request body ${name} ${type}`,
        `/components/requestBodies/${name}/content/${pointerKey(type)}`,
        media,
      );
    }
  }
  for (const [name, response] of Object.entries(spec.components.responses ?? {})) {
    for (const [type, media] of Object.entries((response as Node).content ?? {})) {
      visit(`response ${name} ${type}`, `/components/responses/${name}/content/${pointerKey(type)}`, media);
    }
  }
  return cases;
}

/** `examples` of every component schema and header schema. */
function schemaExamples(): Case[] {
  const cases: Case[] = [];
  for (const [name, schema] of Object.entries(spec.components.schemas ?? {})) {
    for (const value of (schema as Node).examples ?? []) {
      cases.push({ where: `schema ${name}`, schemaPointer: `/components/schemas/${name}`, value });
    }
  }
  for (const [name, header] of Object.entries(spec.components.headers ?? {})) {
    for (const value of (header as Node).schema.examples ?? []) {
      cases.push({ where: `header ${name}`, schemaPointer: `/components/headers/${name}/schema`, value });
    }
  }
  return cases;
}

describe('examples in the bundled spec', () => {
  const bodies = mediaExamples();
  const scalars = schemaExamples();

  it('has an example for every request and response body', () => {
    const bodiesWithoutExample = [
      ...Object.entries(spec.components.requestBodies ?? {}),
      ...Object.entries(spec.components.responses ?? {}),
    ].filter(([, node]) =>
      Object.values((node as Node).content ?? {}).some(
        (media) => !(media as Node).examples && !('example' in (media as Node)),
      ),
    );
    expect(bodiesWithoutExample.map(([name]) => name)).toEqual([]);
    expect(bodies.length).toBeGreaterThanOrEqual(16);
  });

  it.each([...bodies, ...scalars].map((c) => [c.where, c]))('%s is valid', (_where, c) => {
    const validate = validatorFor(c.schemaPointer);
    const valid = validate(c.value);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('catches an invalid example (the check can fail)', () => {
    const validate = validatorFor('/components/schemas/JobStatusEnvelope');
    const completed = structuredClone(resolve(spec.components.examples.JobCompleted).value);
    expect(validate(completed)).toBe(true);
    expect(validate({ ...completed, result: [completed.result, completed.result] })).toBe(false);
    expect(validate({ ...completed, status: 'FAIL' })).toBe(false);
    expect(validatorFor('/components/schemas/Team')({ uuid: 'nope', teamId: 7, name: 'x' })).toBe(false);
  });

  it('lets timeInterval be a fixed width or anything above a week (monthly), nothing else', () => {
    const validate = validatorFor('/components/schemas/TimeInterval');
    for (const value of [300000, 86400000, 604800000, 604800001, 2592000000])
      expect(validate(value), String(value)).toBe(true);
    for (const value of [120000, 300001, 604799999, 0, -2592000000, 2592000000.5, '2592000000'])
      expect(validate(value), String(value)).toBe(false);
  });

  it('keeps secrets as obvious placeholders', () => {
    const text = JSON.stringify(spec.components.examples);
    for (const match of text.matchAll(/(companyKey|analyticsAccessToken)=([^"&\s\\]+)/g)) {
      expect(match[2]).toMatch(/^[A-Z_]+_PLACEHOLDER$/);
    }
    expect(text).toMatch(/analyticsAccessToken=/);
  });
});
