import type { components } from '../../generated/schema.js';

/**
 * A time zone the service knows, as `ca.timezones.list()` returns it; its `id` goes to the
 * `timezone` report parameter.
 */
export type TimeZone = components['schemas']['TimeZone'];
/**
 * A team of the account, as `ca.teams.list()` returns it; its `teamId` goes to the `teamIds`
 * and `teamId` report parameters.
 */
export type Team = components['schemas']['Team'];
