// Code samples for every operation of the bundled spec, in three forms: curl, the TypeScript
// client and the CLI. They are derived from the spec (paths, methods, required parameters, form
// bodies) and from the client's and the CLI's own tables, never written per operation by hand;
// test/docs/samples.test.ts runs every curl and TypeScript sample against the sandbox.
//
// Every sample reads the account from the same four variables the CLI reads
// (KHOROS_ANALYTICS_URL, _USER, _PASSWORD, _COMPANY_KEY); the status and download samples also
// read WORKFLOW_ID and RUN_ID, the two ids a run answer returns.
import { resolve } from '../generate/resolve.mjs';

const METHODS = ['get', 'post'];
const RUN_PATH = /^\/reports\/report\/(\{report_type\}|[a-z_]+)$/;
const GENERIC_EXAMPLE_TYPE = 'author';
const FORM = 'application/x-www-form-urlencoded';

const CURL_ACCOUNT = '-u "$KHOROS_ANALYTICS_USER:$KHOROS_ANALYTICS_PASSWORD"';
const CURL_WINDOW = [
  '# The last seven whole days (UTC), in epoch milliseconds.',
  'END=$(( $(date +%s) / 86400 * 86400000 ))',
  'START=$(( END - 7 * 86400000 ))',
];
const CURL_RUN_ID = [
  '# WORKFLOW_ID and RUN_ID come from the run answer; RUN_ID holds + / = and goes into the path encoded.',
  `RUN=$(printf %s "$RUN_ID" | sed 's/+/%2B/g; s|/|%2F|g; s/=/%3D/g')`,
];

const TS_CLIENT = [
  "import { createCareAnalytics } from 'khoros-care-analytics';",
  '',
  'const ca = createCareAnalytics({',
  '  baseUrl: process.env.KHOROS_ANALYTICS_URL, // your region; the production host when unset',
  "  username: process.env.KHOROS_ANALYTICS_USER ?? '',",
  "  password: process.env.KHOROS_ANALYTICS_PASSWORD ?? '',",
  "  companyKey: process.env.KHOROS_ANALYTICS_COMPANY_KEY ?? '',",
  '});',
];
const TS_WINDOW = [
  '// The last seven whole days (UTC).',
  'const endTime = new Date(new Date().setUTCHours(0, 0, 0, 0));',
  'const startTime = new Date(endTime.getTime() - 7 * 86_400_000);',
];

/** A value for a required parameter other than the times: the first example its schema gives. */
function sampleValue(spec, parameterSchema) {
  const schema = resolve(spec, parameterSchema);
  if (schema.examples?.length) return schema.examples[0];
  throw new Error(`a required parameter has no example to build a sample from (${JSON.stringify(schema)})`);
}

/** The run parameters a sample sends: the window, csv, and any other required one. */
function runParameters(spec, operation, pathItem) {
  const all = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((p) => resolve(spec, p));
  const query = all.filter((p) => p.in === 'query');
  const body = operation.requestBody ? resolve(spec, operation.requestBody).content?.[FORM] : undefined;
  const bodySchema = body ? resolve(spec, body.schema) : undefined;
  const names = [...query.map((p) => p.name), ...Object.keys(bodySchema?.properties ?? {})];
  const required = [
    ...query.filter((p) => p.required).map((p) => [p.name, p.schema]),
    ...(bodySchema?.required ?? []).map((name) => [name, bodySchema.properties[name]]),
  ];
  const extra = required
    .filter(([name]) => name !== 'startTime' && name !== 'endTime')
    .map(([name, schema]) => [name, sampleValue(spec, schema)]);
  return {
    inBody: Boolean(body),
    raiselimitInQuery: query.some((p) => p.name === 'raiselimit'),
    values: [...(names.includes('reportFormat') ? [['reportFormat', 'csv']] : []), ...extra],
  };
}

function curlRun(method, apiPath, params) {
  const url = `$KHOROS_ANALYTICS_URL${apiPath}`;
  const pairs = [['startTime', '$START'], ['endTime', '$END'], ...params.values];
  if (params.inBody) {
    const fields = pairs.map(([name, value]) => `  --data-urlencode "${name}=${value}"`);
    return [
      ...CURL_WINDOW,
      '# The parameters go as a form body; companyKey stays in the query string.',
      `curl -sS --fail-with-body ${CURL_ACCOUNT} -X POST \\`,
      `  "${url}?companyKey=$KHOROS_ANALYTICS_COMPANY_KEY" \\`,
      fields.join(' \\\n'),
    ].join('\n');
  }
  const query = pairs.map(([name, value]) => `${name}=${value}`).join('&');
  return [
    ...CURL_WINDOW,
    `curl -sS --fail-with-body ${CURL_ACCOUNT} -X ${method.toUpperCase()} \\`,
    `  "${url}?${query}&companyKey=$KHOROS_ANALYTICS_COMPANY_KEY"`,
  ].join('\n');
}

const tsLiteral = (value) => (typeof value === 'string' ? `'${value}'` : String(value));

function tsRun(method, apiPath, type, params, facade) {
  const extra = params.values.map(([name, value]) => `${name}: ${tsLiteral(value)}`);
  if (facade) {
    return [
      ...TS_CLIENT,
      ...TS_WINDOW,
      '',
      '// Validates the parameters for this report type, then starts the export job.',
      `const job = await ca.reports.start('${type}', { ${['startTime', 'endTime', ...extra].join(', ')} });`,
      'console.log(job.workflowId, job.runId); // keep both (or JSON.stringify(job)) to resume later',
      '// ca.reports.run() starts and waits in one call; then job.rows() or job.downloadToFile().',
    ].join('\n');
  }
  // Operations the client's own methods do not use (the GET forms, the generic path): ca.raw,
  // the typed openapi-fetch client, which adds Basic auth and companyKey.
  const generic = apiPath.includes('{report_type}');
  const query = ['startTime: startTime.getTime()', 'endTime: endTime.getTime()', ...extra];
  const path = generic ? `, path: { report_type: '${type}' }` : '';
  return [
    ...TS_CLIENT,
    '',
    ...TS_WINDOW,
    '',
    `// The ${method.toUpperCase()} form through ca.raw; ca.reports.start('${type}', …) is the checked way.`,
    `const { data, error } = await ca.raw.${method.toUpperCase()}('${apiPath}', {`,
    `  params: { query: { ${query.join(', ')} }${path} },`,
    '});',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template literal of the sample's own code.
    'if (error || !data) throw new Error(`export not started: ${JSON.stringify(error)}`);',
    'console.log(data.result.workflowId, data.result.runId);',
  ].join('\n');
}

function cliRun(type, params, flagFor) {
  const flags = params.values
    .filter(([name]) => name !== 'reportFormat')
    .map(([name, value]) => {
      const flag = flagFor(name);
      // The CLI spells intervals as words; the spec's values are milliseconds.
      return name === 'timeInterval' && value === 86_400_000 ? `${flag} 1d` : `${flag} ${value}`;
    });
  return [
    `npx care-analytics export ${type} --last 7d --format csv ${[...flags, '--out exports/'].join(' ')}`,
  ]
    .join('\n')
    .replace(/ {2,}/g, ' ');
}

const FIXED = {
  getReportStatus: {
    curl: [
      ...CURL_RUN_ID,
      `curl -sS --fail-with-body ${CURL_ACCOUNT} \\`,
      '  "$KHOROS_ANALYTICS_URL/reports/report/$WORKFLOW_ID/$RUN/status?companyKey=$KHOROS_ANALYTICS_COMPANY_KEY"',
    ],
    ts: [
      ...TS_CLIENT,
      '',
      ...TS_WINDOW,
      '',
      "const job = await ca.reports.start('author', { startTime, endTime });",
      'const status = await job.status(); // one poll; job.wait() polls until the job closes',
      'console.log(status.state, status.currentCount, status.totalCount); // counts may be null',
    ],
    cli: ['npx care-analytics start author --last 1d > job.json', 'npx care-analytics status job.json'],
  },
  downloadReport: {
    curl: [
      ...CURL_RUN_ID,
      '# A 307 to a short-lived storage URL: fetch that URL without the credentials.',
      `FILE_URL=$(curl -sS ${CURL_ACCOUNT} -o /dev/null -w '%{redirect_url}' \\`,
      '  "$KHOROS_ANALYTICS_URL/reports/report/$WORKFLOW_ID/$RUN/download?companyKey=$KHOROS_ANALYTICS_COMPANY_KEY")',
      'curl -sS --fail -o export.csv "$FILE_URL"',
    ],
    ts: [
      ...TS_CLIENT,
      '',
      ...TS_WINDOW,
      '',
      "const job = await ca.reports.run('author', { startTime, endTime, reportFormat: 'csv' });",
      '// Follows the redirect without credentials; the file appears only once every byte arrived.',
      "const saved = await job.downloadToFile('author.csv');",
      'console.log(saved);',
    ],
    cli: ['npx care-analytics wait job.json', 'npx care-analytics download job.json --out exports/'],
  },
  listTimeZones: {
    curl: [
      `curl -sS --fail-with-body ${CURL_ACCOUNT} \\`,
      '  "$KHOROS_ANALYTICS_URL/config/timezones?locale=en&companyKey=$KHOROS_ANALYTICS_COMPANY_KEY"',
    ],
    ts: [
      ...TS_CLIENT,
      '',
      "const zones = await ca.timezones.list({ locale: 'en' });",
      'console.log(zones.length, zones[0]);',
    ],
    cli: ['npx care-analytics timezones'],
  },
  listTeams: {
    curl: [
      `curl -sS --fail-with-body ${CURL_ACCOUNT} \\`,
      '  "$KHOROS_ANALYTICS_URL/teams?companyKey=$KHOROS_ANALYTICS_COMPANY_KEY"',
    ],
    ts: [
      ...TS_CLIENT,
      '',
      'const teams = await ca.teams.list();',
      'console.log(teams.map((team) => team.teamId));',
    ],
    cli: ['npx care-analytics teams --json'],
  },
  listJobs: {
    curl: [
      `curl -sS --fail-with-body ${CURL_ACCOUNT} \\`,
      '  "$KHOROS_ANALYTICS_URL/reports/jobs?companyKey=$KHOROS_ANALYTICS_COMPANY_KEY"',
    ],
    ts: [
      ...TS_CLIENT,
      '',
      '// Deprecated by the vendor, so only through ca.raw: keep the ids of the jobs you start instead.',
      "const { data, error } = await ca.raw.GET('/reports/jobs');",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a template literal of the sample's own code.
      'if (error || !data) throw new Error(`jobs not listed: ${JSON.stringify(error)}`);',
      'console.log(data.result.length);',
    ],
  },
};

/**
 * `{ [operationId]: [{ lang, label, source }] }` for every operation. `flagFor(parameter)` is the
 * CLI's flag for a wire parameter (from its own table).
 */
export function codeSamples(spec, flagFor) {
  const samples = {};
  for (const [apiPath, pathItem] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!operation) continue;
      const id = operation.operationId;
      const run = RUN_PATH.exec(apiPath);
      let curl;
      let ts;
      let cli;
      if (run) {
        const type = run[1] === '{report_type}' ? GENERIC_EXAMPLE_TYPE : run[1];
        const concrete = apiPath.replace('{report_type}', type);
        const params = runParameters(spec, operation, pathItem);
        const facade = method === 'post' && !apiPath.includes('{report_type}');
        curl = curlRun(method, concrete, params);
        ts = tsRun(method, apiPath, type, params, facade);
        cli = cliRun(type, params, flagFor);
      } else {
        const fixed = FIXED[id];
        if (!fixed) throw new Error(`no code samples for ${method.toUpperCase()} ${apiPath} (${id})`);
        curl = fixed.curl.join('\n');
        ts = fixed.ts.join('\n');
        cli = fixed.cli?.join('\n');
      }
      samples[id] = [
        { lang: 'curl', label: 'curl', source: curl },
        { lang: 'TypeScript', label: 'TypeScript client', source: ts },
        ...(cli ? [{ lang: 'Shell', label: 'CLI', source: cli }] : []),
      ];
    }
  }
  return samples;
}

/** A copy of the spec with `x-codeSamples` on every operation. */
export function withCodeSamples(spec, samples) {
  const copy = structuredClone(spec);
  for (const pathItem of Object.values(copy.paths)) {
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (operation) operation['x-codeSamples'] = samples[operation.operationId];
    }
  }
  return copy;
}
