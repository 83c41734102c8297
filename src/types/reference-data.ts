import type { components } from '../../generated/schema.js';

export type TimeZone = components['schemas']['TimeZone'];
export type Team = components['schemas']['Team'];
