// The sandbox company's people: teams and agents, derived from the seed. The same roster feeds
// `/teams`, the per-agent reports and the agent columns of the event reports.
import { hash2 } from './random.js';

export interface Team {
  readonly uuid: string;
  readonly teamId: number;
  readonly name: string;
  readonly description: string | null;
}

export interface Agent {
  /** Position in the roster (0-based). */
  readonly index: number;
  readonly agentId: number;
  readonly name: string;
  readonly email: string;
  readonly handle: string;
  readonly team: Team;
  readonly enabled: boolean;
  readonly role: string;
}

export interface Roster {
  readonly teams: readonly Team[];
  readonly agents: readonly Agent[];
}

const TEAM_NAMES = [
  'Tier 1 Support',
  'Billing & Payments',
  'Social Care',
  'Escalations',
  'Retention',
  'VIP Desk',
];
const FIRST = [
  'Ana',
  'Ben',
  'Chloé',
  'Dmitri',
  'Emma',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kofi',
  'Lena',
];
const LAST = [
  'Okafor',
  'Schmidt',
  "O'Neill",
  'Nakamura',
  'García',
  'Kowalski',
  'Smith',
  'Dubois',
  'Rossi',
  'Jensen',
];
const ROLES = ['AGENT', 'AGENT', 'AGENT', 'SUPERVISOR', 'EXPERT'];

export function createRoster(seed: number, teamCount: number, agentCount: number): Roster {
  const teams: Team[] = [];
  for (let t = 0; t < teamCount; t++) {
    const h = hash2(seed, 0x7ea0 + t);
    teams.push({
      uuid: uuidFrom(seed, t),
      teamId: 1001 + t,
      name:
        TEAM_NAMES[t % TEAM_NAMES.length] +
        (t >= TEAM_NAMES.length ? ` ${Math.floor(t / TEAM_NAMES.length) + 1}` : ''),
      description:
        h % 3 === 0 ? null : `Handles ${TEAM_NAMES[t % TEAM_NAMES.length]?.toLowerCase()} conversations`,
    });
  }
  const agents: Agent[] = [];
  for (let a = 0; a < agentCount; a++) {
    const h = hash2(seed, 0xa9e0 + a);
    const first = FIRST[h % FIRST.length] as string;
    const last = LAST[(h >>> 8) % LAST.length] as string;
    const plain = `${first}.${last}`
      .normalize('NFD')
      .replace(/[^A-Za-z.]/g, '')
      .toLowerCase();
    agents.push({
      index: a,
      agentId: 5001 + a,
      name: `${first} ${last}`,
      email: `${plain}${a + 1}@example.com`,
      handle: `${plain.replace('.', '')}${a + 1}`,
      team: teams[a % teams.length] as Team,
      // Every seventh agent is disabled so `includeDisabled` visibly changes per-agent reports.
      enabled: a % 7 !== 6,
      role: ROLES[(h >>> 16) % ROLES.length] as string,
    });
  }
  return { teams, agents };
}

function uuidFrom(seed: number, n: number): string {
  const hex = [0, 1, 2, 3]
    .map((i) =>
      hash2(seed ^ 0x55, n * 4 + i)
        .toString(16)
        .padStart(8, '0'),
    )
    .join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
