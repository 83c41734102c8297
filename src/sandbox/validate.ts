// Every API request is checked against the bundled OpenAPI document with openapi-backend, so the
// sandbox doubles as a contract check of any client. Two gaps of the library are filled here:
// it does not parse form bodies (we hand it typed fields), and it does not reject a comma-joined
// parameter sent as repeated keys (wire.ts checks that). The security parameters companyKey and
// analyticsAccessToken are removed first: the library treats them as unknown query parameters.
import { readFileSync } from 'node:fs';
import { OpenAPIBackend } from 'openapi-backend';

export interface RequestToCheck {
  readonly method: string;
  /** Path below the server prefix, e.g. `/reports/report/conversation`. */
  readonly path: string;
  /** Query string without the leading `?` and without the security parameters. */
  readonly query: string;
  readonly headers: Record<string, string>;
  readonly body?: Record<string, unknown> | undefined;
}

export interface Invalid {
  /** The parameter (or body field) at fault, when one can be named. */
  readonly parameter: string | undefined;
  readonly message: string;
}

let backend: OpenAPIBackend | undefined;
let ready: Promise<unknown> | undefined;

/** Loads the spec once per process; validators then compile lazily, per operation, on first use. */
export function prepareValidator(): Promise<unknown> {
  if (!ready) {
    const definition = JSON.parse(
      readFileSync(new URL('../../generated/openapi.json', import.meta.url), 'utf8'),
    );
    backend = new OpenAPIBackend({
      definition,
      quick: true,
      validate: true,
      coerceTypes: true,
      customizeAjv: (ajv) => {
        ajv.opts.logger = false;
        ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
        return ajv;
      },
    });
    ready = backend.init();
  }
  return ready;
}

function api(): OpenAPIBackend {
  if (!backend) throw new Error('prepareValidator() must complete first');
  return backend;
}

/**
 * The query as openapi-backend's own parser (qs) would give it, without qs's limit of 20 items
 * per list, beyond which a repeated key turns into an object and a valid request with 21
 * `reportMetrics` was refused as "must be array".
 */
function queryObject(query: string): Record<string, string | string[]> {
  const object: Record<string, string | string[]> = {};
  const params = new URLSearchParams(query);
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    object[name] = values.length === 1 ? (values[0] as string) : values;
  }
  return object;
}

/** Checks a request; undefined when it is valid. */
export function checkRequest(request: RequestToCheck): Invalid | undefined {
  const req = { ...request, query: queryObject(request.query) };
  const operation = api().matchOperation(req);
  if (!operation) return { parameter: undefined, message: `No operation ${request.method} ${request.path}` };
  const result = api().validateRequest(req, operation);
  if (result.valid) return undefined;
  const error = result.errors?.[0];
  if (!error) return { parameter: undefined, message: 'Invalid request' };
  const params = error.params as Record<string, unknown>;
  const segments = error.instancePath.split('/').filter(Boolean);
  const parameter =
    (params.missingProperty as string | undefined) ??
    (params.additionalProperty as string | undefined) ??
    (segments[0] === 'requestBody' && segments.length === 1 ? undefined : segments[1]);
  // A oneOf of an enum and a lower bound (timeInterval: a fixed width, or above a week for
  // monthly buckets) fails on both branches; name both alternatives.
  const bound = result.errors?.find(
    (e) => e.instancePath === error.instancePath && e.keyword === 'exclusiveMinimum',
  )?.params as { limit?: number } | undefined;
  const orAbove = error.keyword === 'enum' && bound?.limit !== undefined ? `, or above ${bound.limit}` : '';
  const what = params.additionalProperty
    ? 'is not a parameter of this operation'
    : params.missingProperty
      ? 'is required'
      : `${error.message ?? 'is invalid'}${params.allowedValues ? `: ${(params.allowedValues as unknown[]).join(', ')}${orAbove}` : ''}`;
  return {
    parameter: parameter === 'requestBody' ? undefined : parameter,
    message: parameter ? `Invalid parameter '${parameter}': ${what}` : `Invalid request: ${error.message}`,
  };
}
