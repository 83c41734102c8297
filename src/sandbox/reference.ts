// Reference data in the vendor's shapes: `/config/timezones` from the runtime's IANA zones with
// their offsets now, and `/teams` from the sandbox roster.
import { offsetString, zoneOffsetAt } from '../time/index.js';
import type { Roster } from './data/roster.js';

export interface TimeZoneEntry {
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
  readonly offsetString: string;
  readonly offsetMillis: number;
}

const cache = new Map<string, { hour: number; zones: TimeZoneEntry[] }>();

/** Every zone the runtime knows, with its current offset; names in `locale` (default en). */
export function timeZones(locale = 'en', now = Date.now()): TimeZoneEntry[] {
  const hour = Math.floor(now / 3_600_000);
  const cached = cache.get(locale);
  if (cached?.hour === hour) return cached.zones;
  const language = Intl.DateTimeFormat.supportedLocalesOf([locale.replace('_', '-')])[0] ?? 'en';
  const zones = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((id) => id !== 'UTC')].map((id) => {
    const offsetMillis = zoneOffsetAt(id, now);
    return {
      id,
      name: zoneName(language, id, 'long', now),
      shortName: zoneName(language, id, 'short', now),
      offsetString: offsetString(offsetMillis),
      offsetMillis,
    };
  });
  cache.set(locale, { hour, zones });
  return zones;
}

function zoneName(locale: string, timeZone: string, style: 'long' | 'short', now: number): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: style }).formatToParts(now);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

export function teams(roster: Roster) {
  return roster.teams.map((team) => ({
    uuid: team.uuid,
    teamId: team.teamId,
    name: team.name,
    description: team.description,
    numberOfMembers: roster.agents.filter((a) => a.team === team).length,
  }));
}
