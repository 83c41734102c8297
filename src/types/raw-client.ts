// The public type of `ca.raw`. Only a type comes from openapi-fetch here; its runtime stays in
// internal/transport/openapi-fetch-client.ts, the one module to rewrite to swap it.
import type { Client } from 'openapi-fetch';
import type { paths } from '../../generated/schema.js';

/** The typed openapi-fetch client exposed as `ca.raw`; credentials are added automatically. */
export type CareAnalyticsRawClient = Client<paths>;
