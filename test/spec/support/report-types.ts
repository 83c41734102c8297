// The 13 report types of docs/vendor-notes.md §2, written out by hand so tests do not trust the
// spec for them.
export const REPORT_TYPES = [
  'author',
  'combined',
  'conversation',
  'conversation_actions',
  'conversation_history_action',
  'incoming_post',
  'raw_agent_states',
  'raw_expert_help',
  'response',
  'response_approval',
  'team_performance',
  'team_performance_interval',
  'user',
] as const;
