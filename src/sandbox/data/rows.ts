// Which rows an export has. Event reports have `rowsPerDay` slots per UTC day at fixed instants,
// each identified by (day, slot): overlapping ranges share rows, and the count is arithmetic.
// Per-agent reports have one row per selected agent; team_performance_interval one row per
// agent per time bucket. A cursor mutates one Row in place: no allocation per row.
import { intervalBuckets } from './buckets.js';
import { profileOf, type Row } from './columns.js';
import type { DataOptions, ReportParams, ReportType } from './params.js';
import { hash2, hashString, mix32 } from './random.js';
import type { Agent, Roster } from './roster.js';

const DAY_MS = 86_400_000;
const DEFAULT_WORKQUEUES: readonly number[] = [201, 202, 203, 204, 205, 206];
const ALL_PRIORITIES: readonly number[] = [0, 1, 2, 3, 4, 5];

export interface RowCursor {
  readonly row: Row;
  /** Whether rows draw agent, priority and workqueue from the row profile (event reports). */
  readonly profiled: boolean;
  /** Sets `row` to the profile's agent, priority and workqueue (profiled cursors only). */
  fillProfile(row: Row, profile: number): void;
  /** Rows this cursor will produce in total. */
  readonly count: number;
  /** Advances to the next row; false when done. */
  next(): boolean;
}

/** `profileFields` false: event rows leave agent, priority and workqueue unset (the row encoder
 * reads them from its own profile row, so filling them per row would be wasted work). */
export function openCursor(
  type: ReportType,
  params: ReportParams,
  data: DataOptions,
  roster: Roster,
  profileFields = true,
): RowCursor {
  const salt = hash2(data.seed, hashString(type));
  if (type === 'team_performance' || type === 'user')
    return new AgentCursor(salt, params, selectAgents(type, params, roster));
  if (type === 'team_performance_interval') {
    return new IntervalCursor(salt, params, intervalBuckets(params), selectAgents(type, params, roster));
  }
  const agents = params.teamIds?.length
    ? roster.agents.filter((a) => params.teamIds?.includes(a.team.teamId))
    : roster.agents;
  return new EventCursor(
    salt,
    params,
    data.rowsPerDay,
    agents.length ? agents : roster.agents,
    profileFields,
  );
}

function selectAgents(type: ReportType, params: ReportParams, roster: Roster): readonly Agent[] {
  const teams = type === 'user' ? params.teamId : params.teamIds;
  return roster.agents.filter(
    (a) =>
      (params.includeDisabled || a.enabled) &&
      (!teams?.length || teams.includes(a.team.teamId)) &&
      (type !== 'user' || !params.agentId?.length || params.agentId.includes(a.agentId)),
  );
}

function blankRow(params: ReportParams, agent: Agent | undefined): Row {
  return {
    time: params.startTime,
    end: params.endTime,
    key: 0,
    agent: agent as Agent,
    priority: 0,
    workqueueId: 0,
  };
}

class EventCursor implements RowCursor {
  readonly row: Row;
  readonly profiled = true;
  readonly count: number;
  readonly #salt: number;
  readonly #perDay: number;
  readonly #agents: readonly Agent[];
  readonly #priorities: readonly number[];
  readonly #workqueues: readonly number[];
  readonly #lastDay: number;
  readonly #start: number;
  readonly #end: number;
  readonly #profileFields: boolean;
  #day: number;
  #slot = 0;
  #slotEnd = 0;
  #dayHash = 0;

  constructor(
    salt: number,
    params: ReportParams,
    perDay: number,
    agents: readonly Agent[],
    profileFields: boolean,
  ) {
    this.#salt = salt;
    this.#profileFields = profileFields;
    this.#perDay = perDay;
    this.#agents = agents;
    this.#priorities = params.priorities?.length ? params.priorities : ALL_PRIORITIES;
    // The sandbox numbers its queues; a string id names none of them, so rows keep the defaults.
    const queues = params.workqueueIds?.filter((id): id is number => typeof id === 'number') ?? [];
    this.#workqueues = queues.length ? queues : DEFAULT_WORKQUEUES;
    this.#start = params.startTime;
    this.#end = params.endTime;
    this.row = blankRow(params, agents[0]);
    const firstDay = Math.floor(this.#start / DAY_MS);
    this.#lastDay = Math.floor((this.#end - 1) / DAY_MS);
    let count = 0;
    for (let day = firstDay; day <= this.#lastDay && this.#end > this.#start; day++) {
      const [from, to] = this.#slots(day);
      count += to - from;
    }
    this.count = count;
    this.#day = firstDay - 1;
  }

  /** The slots of `day` inside [start, end): slot j sits at day + floor(j * DAY / perDay). */
  #slots(day: number): [number, number] {
    const dayStart = day * DAY_MS;
    const from = Math.max(0, Math.ceil(((this.#start - dayStart) * this.#perDay) / DAY_MS));
    const to = Math.min(this.#perDay, Math.ceil(((this.#end - dayStart) * this.#perDay) / DAY_MS));
    return [from, Math.max(from, to)];
  }

  next(): boolean {
    while (this.#slot >= this.#slotEnd) {
      if (this.#day >= this.#lastDay || this.#end <= this.#start) return false;
      this.#day++;
      [this.#slot, this.#slotEnd] = this.#slots(this.#day);
      this.#dayHash = hash2(this.#salt, this.#day);
    }
    const j = this.#slot++;
    const row = this.row;
    const key = mix32(this.#dayHash + Math.imul(j, 0x9e3779b1));
    row.key = key;
    row.time = this.#day * DAY_MS + Math.floor((j * DAY_MS) / this.#perDay);
    row.end = row.time;
    if (this.#profileFields) this.fillProfile(row, profileOf(key));
    return true;
  }

  fillProfile(row: Row, profile: number): void {
    const h = mix32(profile ^ 0x5bd1e995);
    row.agent = this.#agents[h % this.#agents.length] as Agent;
    row.priority = this.#priorities[(h >>> 5) % this.#priorities.length] as number;
    row.workqueueId = this.#workqueues[(h >>> 13) % this.#workqueues.length] as number;
  }
}

class AgentCursor implements RowCursor {
  readonly row: Row;
  readonly profiled = false;
  fillProfile(): void {}
  readonly count: number;
  readonly #salt: number;
  readonly #agents: readonly Agent[];
  #index = 0;

  constructor(salt: number, params: ReportParams, agents: readonly Agent[]) {
    this.#salt = hash2(hash2(salt, params.startTime), params.endTime);
    this.#agents = agents;
    this.count = agents.length;
    this.row = blankRow(params, agents[0]);
  }

  next(): boolean {
    const agent = this.#agents[this.#index++];
    if (!agent) return false;
    this.row.agent = agent;
    this.row.key = hash2(this.#salt, agent.agentId);
    return true;
  }
}

class IntervalCursor implements RowCursor {
  readonly row: Row;
  readonly profiled = false;
  fillProfile(): void {}
  readonly count: number;
  readonly #salt: number;
  readonly #buckets: readonly number[];
  readonly #agents: readonly Agent[];
  #bucket = 0;
  #agent = 0;

  constructor(salt: number, params: ReportParams, buckets: readonly number[], agents: readonly Agent[]) {
    this.#salt = salt;
    this.#buckets = buckets;
    this.#agents = agents;
    this.count = Math.max(0, buckets.length - 1) * agents.length;
    this.row = blankRow(params, agents[0]);
  }

  next(): boolean {
    if (this.#agent >= this.#agents.length) {
      this.#agent = 0;
      this.#bucket++;
    }
    const end = this.#buckets[this.#bucket + 1];
    const agent = this.#agents[this.#agent++];
    if (end === undefined || !agent) return false;
    const row = this.row;
    row.time = this.#buckets[this.#bucket] as number;
    row.end = end;
    row.agent = agent;
    row.key = hash2(hash2(this.#salt, agent.agentId), row.time);
    return true;
  }
}
