// The column catalogue of every report type. The vendor publishes only a few column names
// (docs/vendor-notes.md §6: CONVERSATION_ID, STATUS, ASSIGNED_AGENT_DISPLAY_ID; agent_name, agent_email, agent_id; the user
// TOTAL_*_TIME_MILLIS columns); every other column here is invented in the same style — event
// reports UPPER_SNAKE, agent-state and team reports lower_snake — and documented in the README.
// A cell is a pure function of the row and its own hash, so a reportMetrics subset yields exactly
// the values the full report has in those columns. Cells are plans (an opcode and operands) that
// one switch in CellWriter executes, so the row loop makes one kind of call, not one per column.
import type { ReportParams, ReportType } from './params.js';
import { hashString, mix32 } from './random.js';
import type { Agent } from './roster.js';
import type { ByteWriter } from './writer.js';

/** One generated row; a single instance is reused for every row of an export. */
export interface Row {
  /** The row's event time (interval start for interval reports, range start for per-agent ones). */
  time: number;
  /** The end of the row's interval or range. */
  end: number;
  /** The row's identity hash. */
  key: number;
  agent: Agent;
  priority: number;
  workqueueId: number;
}

/** Writes one value, already encoded for the output format, at the writer's position. */
export type CustomCell = (row: Row, h: number, out: ByteWriter) => void;

export const Op = {
  /** pool[h % pool.length] */
  pick: 0,
  /** a + h % b, for measures: one of the row profile's values (see PROFILES) */
  uint: 1,
  /** the date row.time + a + h % b (b = 0: row.time + a) */
  date: 2,
  /** the date row.end */
  endDate: 3,
  /** a + row.key % b: an id shared by every column of the row that names the same thing */
  keyId: 4,
  priority: 5,
  workqueueId: 6,
  /** pool[row.workqueueId % pool.length] */
  workqueuePick: 7,
  /** pool[row.agent.index] */
  agentPick: 8,
  agentId: 9,
  teamId: 10,
  /** a count scaling with the row's range: hours × a × (h % 100) / 100 */
  count: 11,
  empty: 12,
  custom: 13,
  /** a + h % b, for identifiers: hashed from the row's own key so ids stay (almost) unique */
  id: 14,
} as const;
export type Op = (typeof Op)[keyof typeof Op];

export interface Cell {
  readonly op: Op;
  readonly a?: number;
  readonly b?: number;
  readonly pool?: readonly Uint8Array[];
  readonly write?: CustomCell;
}

export interface ColumnEnv {
  /** Encodes a constant for the output format (CSV quoting, JSON escaping, or as is) as UTF-8. */
  readonly text: (value: string) => Uint8Array;
  readonly params: ReportParams;
  /** The roster, so per-agent values can be encoded once up front. */
  readonly agents: readonly Agent[];
}

export interface Column {
  readonly name: string;
  readonly make: (env: ColumnEnv) => Cell;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;

const CHANNELS = [
  'TWITTER',
  'FACEBOOK',
  'INSTAGRAM',
  'WHATSAPP',
  'EMAIL',
  'LIVE_CHAT',
  'APPLE_BUSINESS_CHAT',
];
const LANGUAGES = ['en', 'es', 'fr', 'de', 'tr', 'pt', 'ja'];
const SENTIMENTS = ['POSITIVE', 'NEUTRAL', 'NEGATIVE', 'MIXED'];
const TAGS = [
  'billing',
  'billing;refund',
  'outage',
  'shipping;delay',
  'login',
  '',
  'feedback;praise',
  'cancel',
];
// Display names include a comma, a double quote and non-ASCII letters on purpose: clients must
// quote, escape and decode them correctly.
const HANDLES = ['@janedoe', '@mike_r', '@café_olé', '@dataguy42', '@zoë', '@tom.h', '@søren_k', '@li_wei'];
const DISPLAY_NAMES = [
  'Jane Doe',
  'Smith, Jane',
  'Mike "Mick" Ross',
  'Zoë Ünal',
  'Li Wei',
  'Søren Kierkegaard',
];
const ACTION_TYPES = [
  'ASSIGN',
  'REPLY',
  'TAG',
  'UNTAG',
  'TRANSFER',
  'CLOSE',
  'REOPEN',
  'NOTE',
  'PRIORITY_CHANGE',
];
const APPROVALS = ['APPROVED', 'APPROVED', 'REJECTED', 'EDITED_AND_APPROVED', 'EXPIRED'];
const STATES = ['GREEN', 'GREEN', 'YELLOW', 'RED', 'OFFLINE'];
const STATE_REASONS = ['', 'Lunch', 'Meeting', 'Training', 'Coaching', 'End of shift'];
const HELP_STATUSES = ['ANSWERED', 'ANSWERED', 'CANCELLED', 'TIMED_OUT'];
const OPEN_STATUSES = ['OPEN', 'ASSIGNED', 'PENDING', 'WAITING_ON_CUSTOMER'];
const ALL_STATUSES = ['OPEN', 'ASSIGNED', 'PENDING', 'CLOSED', 'CLOSED', 'CLOSED'];
const WORKQUEUE_NAMES = ['General', 'Priority', 'Billing', 'Spanish', 'Social', 'Escalations'];

// --- cell builders -------------------------------------------------------------------------------

/** The hash a column's cells draw from: the row identity salted with the column's own name. */
export const columnSalt = (name: string): number => hashString(name);

/**
 * Event rows draw their descriptive values (agent, priority, workqueue, channel, statuses,
 * durations…) from one of PROFILES row profiles picked by the row key, and only identifiers and
 * dates from the key itself. The generator can then copy a profile's pre-encoded stretch of
 * columns instead of encoding each value (1.6–1.9× faster, measured); 4096 profiles keep the
 * data varied.
 */
export const PROFILES = 4096;
export const profileOf = (key: number): number => key & (PROFILES - 1);

/** Ops whose value depends only on the row profile (in event exports). */
export const profileOps: ReadonlySet<Op> = new Set<Op>([
  Op.pick,
  Op.uint,
  Op.priority,
  Op.workqueueId,
  Op.workqueuePick,
  Op.agentPick,
  Op.agentId,
  Op.teamId,
  Op.empty,
]);

/** The hash a cell of `op` draws from, given the row key. */
export const cellHash = (op: Op, key: number, salt: number, profiled: boolean): number =>
  mix32((profiled && profileOps.has(op) ? profileOf(key) : key) ^ salt);
const STATUS_SALT = columnSalt('STATUS');

const col = (name: string, make: (env: ColumnEnv) => Cell): Column => ({ name, make });

function pick(name: string, values: readonly string[]): Column {
  return col(name, ({ text }) => ({ op: Op.pick, pool: values.map(text) }));
}

/** A decimal id in [base, base + span). */
const id = (name: string, base: number, span: number): Column =>
  col(name, () => ({ op: Op.uint, a: base, b: span }));

const millis = (name: string, min: number, max: number): Column =>
  col(name, () => ({ op: Op.uint, a: min, b: max - min }));

/** A date `min..max` ms after the row time (negative = before). */
const dateAfter = (name: string, min: number, max: number): Column =>
  col(name, () => ({ op: Op.date, a: min, b: max - min }));

const rowDate = (name: string): Column => col(name, () => ({ op: Op.date, a: 0, b: 0 }));
const endDate = (name: string): Column => col(name, () => ({ op: Op.endDate }));

/** An id shared by every column of the row that names the same conversation. */
const conversationId = (name: string): Column =>
  col(name, () => ({ op: Op.keyId, a: 100_000_000, b: 900_000_000 }));

const priority = (name: string): Column => col(name, () => ({ op: Op.priority }));
const workqueueId = (name: string): Column => col(name, () => ({ op: Op.workqueueId }));
const workqueueName = (name: string): Column =>
  col(name, ({ text }) => ({ op: Op.workqueuePick, pool: WORKQUEUE_NAMES.map(text) }));

/** A per-agent text attribute, encoded once per agent. */
const agentText = (name: string, of: (agent: Agent) => string): Column =>
  col(name, ({ text, agents }) => ({ op: Op.agentPick, pool: agents.map((agent) => text(of(agent))) }));

const agentName = (name: string) => agentText(name, (a) => a.name);
const agentEmail = (name: string) => agentText(name, (a) => a.email);
const agentId = (name: string) => col(name, () => ({ op: Op.agentId }));
const teamId = (name: string) => col(name, () => ({ op: Op.teamId }));
const teamName = (name: string) => agentText(name, (a) => a.team.name);

/** A count that scales with the length of the row's range (per-agent and interval reports). */
const countOver = (name: string, perHour: number): Column => col(name, () => ({ op: Op.count, a: perHour }));

// --- the catalogue --------------------------------------------------------------------------------

function conversationStatus(): Column {
  return col('STATUS', ({ text, params }) => {
    const type = params.conversationReportType ?? 'OPEN_AT_END';
    const values = type === 'CLOSED' ? ['CLOSED'] : type === 'OPEN_AT_END' ? OPEN_STATUSES : ALL_STATUSES;
    return { op: Op.pick, pool: values.map(text) };
  });
}

function conversationClosedDate(): Column {
  return col('CLOSED_DATE', ({ params }) => {
    const type = params.conversationReportType ?? 'OPEN_AT_END';
    if (type === 'OPEN_AT_END') return { op: Op.empty };
    if (type === 'CLOSED') return { op: Op.date, a: 0, b: 0 };
    // CREATED: the STATUS cell of the same row decides, so a closed date appears exactly when that
    // row's STATUS is CLOSED.
    return {
      op: Op.custom,
      write: (row, h, out) => {
        // conversation is an event report, so its STATUS comes from the row profile.
        if (ALL_STATUSES[cellHash(Op.pick, row.key, STATUS_SALT, true) % ALL_STATUSES.length] === 'CLOSED') {
          out.date(row.time + 5 * MINUTE + (h % (8 * HOUR)));
        }
      },
    };
  });
}

function conversationCreatedDate(): Column {
  return col('CREATED_DATE', ({ params }) =>
    params.conversationReportType === 'CLOSED'
      ? { op: Op.date, a: -5 * MINUTE - 8 * HOUR, b: 8 * HOUR }
      : { op: Op.date, a: 0, b: 0 },
  );
}

/** The agent and workload columns both team performance reports share. */
const teamPerformanceColumns: readonly Column[] = [
  agentName('agent_name'),
  agentEmail('agent_email'),
  agentId('agent_id'),
  teamId('team_id'),
  teamName('team_name'),
  countOver('conversations_handled', 6),
  countOver('responses_sent', 14),
  millis('avg_handle_time_millis', 2 * MINUTE, HOUR),
];

export const catalogue: { readonly [T in ReportType]: readonly Column[] } = {
  conversation: [
    conversationId('CONVERSATION_ID'),
    conversationStatus(),
    priority('PRIORITY'),
    workqueueId('WORKQUEUE_ID'),
    workqueueName('WORKQUEUE_NAME'),
    agentText('ASSIGNED_AGENT_DISPLAY_ID', (a) => a.handle),
    agentName('ASSIGNED_AGENT_NAME'),
    pick('CHANNEL', CHANNELS),
    conversationCreatedDate(),
    conversationClosedDate(),
    millis('FIRST_RESPONSE_TIME_MILLIS', 20_000, 4 * HOUR),
    millis('HANDLE_TIME_MILLIS', 60_000, 2 * HOUR),
    pick('CUSTOMER_HANDLE', HANDLES),
    pick('TAGS', TAGS),
  ],
  combined: [
    conversationId('CONVERSATION_ID'),
    id('POST_ID', 1_000_000_000, 999_999_999),
    pick('POST_TYPE', ['INCOMING', 'INCOMING', 'RESPONSE']),
    pick('AUTHOR_HANDLE', HANDLES),
    agentName('AGENT_NAME'),
    pick('CHANNEL', CHANNELS),
    priority('PRIORITY'),
    workqueueId('WORKQUEUE_ID'),
    rowDate('POST_DATE'),
    millis('CONTENT_LENGTH', 1, 2000),
    pick('SENTIMENT', SENTIMENTS),
  ],
  author: [
    id('AUTHOR_ID', 70_000_000, 9_999_999),
    pick('AUTHOR_HANDLE', HANDLES),
    pick('AUTHOR_DISPLAY_NAME', DISPLAY_NAMES),
    pick('CHANNEL', CHANNELS),
    millis('FOLLOWER_COUNT', 0, 250_000),
    dateAfter('FIRST_SEEN_DATE', -400 * 24 * HOUR, -HOUR),
    rowDate('LAST_SEEN_DATE'),
    millis('CONVERSATION_COUNT', 1, 40),
    priority('PRIORITY'),
    workqueueId('WORKQUEUE_ID'),
  ],
  incoming_post: [
    id('POST_ID', 1_000_000_000, 999_999_999),
    conversationId('CONVERSATION_ID'),
    pick('AUTHOR_HANDLE', HANDLES),
    pick('CHANNEL', CHANNELS),
    priority('PRIORITY'),
    workqueueId('WORKQUEUE_ID'),
    rowDate('RECEIVED_DATE'),
    pick('LANGUAGE', LANGUAGES),
    pick('SENTIMENT', SENTIMENTS),
    millis('CONTENT_LENGTH', 1, 2000),
  ],
  response: [
    id('RESPONSE_ID', 1_100_000_000, 999_999_999),
    conversationId('CONVERSATION_ID'),
    id('IN_REPLY_TO_POST_ID', 1_000_000_000, 999_999_999),
    agentName('AGENT_NAME'),
    agentId('AGENT_ID'),
    pick('CHANNEL', CHANNELS),
    priority('PRIORITY'),
    workqueueId('WORKQUEUE_ID'),
    rowDate('RESPONSE_DATE'),
    millis('RESPONSE_TIME_MILLIS', 5_000, 6 * HOUR),
    millis('CONTENT_LENGTH', 1, 2000),
  ],
  response_approval: [
    id('RESPONSE_ID', 1_100_000_000, 999_999_999),
    conversationId('CONVERSATION_ID'),
    agentName('AUTHOR_AGENT_NAME'),
    pick('APPROVER_AGENT_NAME', ['Grace Hopper', 'Alan Turing', 'Ada Lovelace']),
    pick('APPROVAL_STATUS', APPROVALS),
    priority('PRIORITY'),
    workqueueId('WORKQUEUE_ID'),
    rowDate('SUBMITTED_DATE'),
    dateAfter('DECIDED_DATE', MINUTE, 3 * HOUR),
    millis('WAIT_TIME_MILLIS', MINUTE, 3 * HOUR),
  ],
  conversation_actions: [
    id('ACTION_ID', 300_000_000, 999_999_999),
    conversationId('CONVERSATION_ID'),
    pick('ACTION_TYPE', ACTION_TYPES),
    agentName('AGENT_NAME'),
    agentId('AGENT_ID'),
    priority('PRIORITY'),
    workqueueId('WORKQUEUE_ID'),
    rowDate('ACTION_DATE'),
  ],
  conversation_history_action: [
    conversationId('CONVERSATION_ID'),
    // With raiselimit the vendor returns up to 2,000 actions per conversation instead of 500.
    col('ACTION_SEQUENCE', ({ params }) => ({ op: Op.uint, a: 1, b: params.raiselimit ? 2000 : 500 })),
    pick('ACTION_TYPE', ACTION_TYPES),
    agentName('ACTOR'),
    pick('FROM_VALUE', ['OPEN', 'ASSIGNED', 'PENDING', '']),
    pick('TO_VALUE', ['ASSIGNED', 'PENDING', 'CLOSED']),
    priority('PRIORITY'),
    workqueueId('WORKQUEUE_ID'),
    rowDate('ACTION_DATE'),
  ],
  raw_agent_states: [
    agentName('agent_name'),
    agentEmail('agent_email'),
    agentId('agent_id'),
    teamId('team_id'),
    teamName('team_name'),
    pick('state', STATES),
    pick('state_reason', STATE_REASONS),
    rowDate('state_start_date'),
    dateAfter('state_end_date', MINUTE, 2 * HOUR),
    millis('duration_millis', MINUTE, 2 * HOUR),
  ],
  raw_expert_help: [
    id('HELP_REQUEST_ID', 40_000_000, 9_999_999),
    conversationId('CONVERSATION_ID'),
    agentName('REQUESTING_AGENT_NAME'),
    pick('EXPERT_AGENT_NAME', ['Grace Hopper', 'Alan Turing', 'Ada Lovelace', 'Katherine Johnson']),
    priority('PRIORITY'),
    workqueueId('WORKQUEUE_ID'),
    rowDate('REQUESTED_DATE'),
    dateAfter('ANSWERED_DATE', MINUTE, HOUR),
    millis('WAIT_TIME_MILLIS', 10_000, HOUR),
    pick('STATUS', HELP_STATUSES),
  ],
  team_performance: [
    ...teamPerformanceColumns,
    millis('avg_first_response_time_millis', 20_000, 2 * HOUR),
    countOver('logged_in_time_millis', 0.33 * HOUR),
  ],
  team_performance_interval: [
    rowDate('interval_start_date'),
    endDate('interval_end_date'),
    ...teamPerformanceColumns,
  ],
  user: [
    agentId('USER_ID'),
    agentName('USER_NAME'),
    agentEmail('USER_EMAIL'),
    teamId('TEAM_ID'),
    teamName('TEAM_NAME'),
    agentText('ROLE', (a) => a.role),
    agentText('ENABLED', (a) => String(a.enabled)),
    countOver('TOTAL_CONSOLE_LOGGED_IN_TIME_MILLIS', 0.3 * HOUR),
    countOver('TOTAL_GREEN_STATE_TIME_MILLIS', 0.2 * HOUR),
    countOver('TOTAL_YELLOW_STATE_TIME_MILLIS', 0.05 * HOUR),
    countOver('TOTAL_RED_STATE_TIME_MILLIS', 0.03 * HOUR),
    countOver('TOTAL_MOBILE_TIME_MILLIS', 0.02 * HOUR),
  ],
};

/** The columns of a report type in their default order (what an export has without reportMetrics). */
export function columnNames(type: ReportType): string[] {
  return catalogue[type].map((c) => c.name);
}
