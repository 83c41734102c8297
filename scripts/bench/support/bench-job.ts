// The one export job the benchmarks download and poll: its status server answers for these ids.
export const benchJob = {
  kind: 'khoros-care-analytics/report-job',
  version: 1,
  workflowId: '7d3c1a2e-0000-4000-8000-000000000001',
  runId: 'ab+cd/ef==',
  reportType: 'conversation',
  format: 'csv',
  startedAt: new Date().toISOString(),
} as const;
