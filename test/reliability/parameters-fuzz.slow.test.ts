// Property test (slow tier): every invalid parameter set raises ValidationError with zero requests
// sent; every valid one is accepted by the sandbox. Seeded, so a failure replays exactly.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCareAnalytics, ValidationError } from '../../src/index.js';
import {
  type ParameterRule,
  type ReportType,
  reportOperations,
  reportTypes,
} from '../../src/parameters/index.js';
import { columnNames, type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { latestEndTime } from '../../src/time/index.js';
import { observedClient } from '../client/support/observed-fetch.js';

const RUNS = 2_000;
const SEED = 20261201;
const DAY = 86_400_000;
const today = Math.floor(Date.now() / DAY) * DAY;
const ZONES = ['UTC', 'Europe/Berlin', 'America/Chicago', 'Asia/Kolkata', 'Australia/Adelaide', 'Etc/GMT+12'];
const tally = { invalid: 0, invalidRefused: 0, invalidSent: 0, otherErrors: 0, valid: 0, validAccepted: 0 };

type Params = Record<string, unknown>;
const rulesOf = (type: ReportType) => reportOperations[type].parameters;

/** A value the spec allows for `rule` (start/end times are chosen together, elsewhere). */
function validValue(type: ReportType, rule: ParameterRule): fc.Arbitrary<unknown> {
  if (rule.name === 'timezone') return fc.constantFrom(...ZONES);
  if (rule.name === 'locale') return fc.constantFrom('en', 'es', 'fr', 'de', 'tr');
  if (rule.name === 'timezoneOffset') return fc.integer({ min: -56, max: 56 }).map((q) => q * 900_000);
  if (rule.name === 'reportMetrics')
    return fc.uniqueArray(fc.constantFrom(...columnNames(type)), { minLength: 1, maxLength: 8 });
  if (rule.type === 'array') {
    const item = rule.enum
      ? fc.constantFrom(...rule.enum)
      : fc.integer({ min: rule.minimum ?? 0, max: rule.maximum ?? 100_000 });
    return fc.uniqueArray(item, { minLength: 1, maxLength: rule.enum ? rule.enum.length : 12 });
  }
  if (rule.enum) return fc.constantFrom(...rule.enum);
  if (rule.type === 'boolean') return fc.boolean();
  if (rule.type === 'integer') return fc.integer({ min: rule.minimum ?? 0, max: rule.maximum ?? 100_000 });
  return fc.constantFrom('x');
}

/** A valid parameter set: a window within the rules, and each optional parameter or not. */
function validParams(type: ReportType): fc.Arbitrary<Params> {
  const optional = rulesOf(type).filter((r) => !r.required);
  const extras = Object.fromEntries(
    optional.map((r) => [r.name, fc.option(validValue(type, r), { freq: 2 })]),
  );
  const interval = rulesOf(type).find((r) => r.name === 'timeInterval');
  return fc
    .record({
      startDaysAgo: fc.integer({ min: 1, max: 300 }),
      rangeMs: fc.integer({ min: 60_000, max: 92 * DAY }),
      timeInterval: interval ? (validValue(type, interval) as fc.Arbitrary<number>) : fc.constant(undefined),
      extras: fc.record(extras),
    })
    .map(({ startDaysAgo, rangeMs, timeInterval, extras: picked }) => {
      const startTime = today - startDaysAgo * DAY;
      let endTime = Math.min(startTime + rangeMs, latestEndTime(startTime));
      // Interval reports: at most 31 buckets, the vendor's safe count (monthly: ~3 months).
      if (timeInterval !== undefined && timeInterval <= 604_800_000)
        endTime = Math.min(endTime, startTime + 31 * timeInterval);
      const params: Params = { startTime, endTime };
      if (timeInterval !== undefined) params.timeInterval = timeInterval;
      for (const [name, value] of Object.entries(picked)) if (value !== null) params[name] = value;
      if (params.enableBusinessHour !== true) delete params.businessHourType;
      if (Array.isArray(params.smartViewId)) params.smartViewId = params.smartViewId[0];
      return params;
    });
}

/** One way to make a valid set invalid; each yields input the client must refuse. */
function corrupt(type: ReportType, valid: Params): fc.Arbitrary<[unknown, unknown]> {
  const rules = rulesOf(type).filter((r) => r.name !== 'startTime' && r.name !== 'endTime');
  const badTimes = fc.constantFrom<unknown>(
    'yesterday',
    '2026-02-30T00:00:00Z',
    '2026-13-01',
    '2026-01-01T24:00:00Z',
    '2026-01-01T10:00:00',
    'x\uD800',
    Number.NaN,
    Number.POSITIVE_INFINITY,
    9e15,
    -1,
    1.5,
    1_700_000_000,
    10n ** 12n,
    Symbol('t'),
    {},
    [],
    true,
    null,
    new Date(Number.NaN),
  );
  const badFor = (rule: ParameterRule): fc.Arbitrary<unknown> => {
    const options: unknown[] = [10n, Symbol('v'), 'x\uDC00', Number.NaN, { a: 1 }];
    if (rule.type === 'array') {
      options.push([], 'not-a-list', [null]);
      if (rule.uniqueItems) options.push([rule.enum?.[0] ?? 1, rule.enum?.[0] ?? 1]);
      if (rule.items === 'string') options.push([''], ['ok', 'x\uD800']);
      if (rule.items === 'integer') options.push([1.5], [-1], ['1']);
      if (rule.maximum !== undefined) options.push([rule.maximum + 1]);
    } else if (rule.type === 'boolean') options.push('true', 1);
    else if (rule.type === 'integer') {
      options.push('1', 1.5, -1e20);
      if (rule.minimum !== undefined) options.push(rule.minimum - 1);
      if (rule.maximum !== undefined) options.push(rule.maximum + 1);
      if (rule.enum) options.push(123);
    } else {
      options.push(7);
      if (rule.enum) options.push('NOT_AN_OPTION');
      if (rule.name === 'timezone') options.push('Mars/Olympus_Mons', '', ' UTC');
      if (rule.minLength) options.push('');
    }
    return fc.constantFrom(...options);
  };
  const withParam = (name: string, value: unknown): Params => ({ ...valid, [name]: value });
  const start = valid.startTime as number;
  const cases: fc.Arbitrary<[unknown, unknown]>[] = [
    fc.constant([type, withParam('notAParameter', 1)]),
    fc.constant([type, withParam('companyKey', 'ck')]),
    fc.constant([type, { ...valid, startTime: undefined }]),
    badTimes.map((t) => [type, withParam('startTime', t)]),
    badTimes.map((t) => [type, withParam('endTime', t)]),
    fc.integer({ min: 0, max: DAY }).map((d) => [type, withParam('endTime', start - d)]),
    fc.integer({ min: 1, max: 40 * DAY }).map((d) => [type, withParam('endTime', latestEndTime(start) + d)]),
    fc.constantFrom<unknown>(null, [], 'params', 42, undefined).map((p) => [type, p]),
    fc.constantFrom<unknown>('conversations', '', 7, null, 10n).map((t) => [t, valid]),
  ];
  if (rules.length > 0)
    cases.push(
      fc
        .constantFrom(...rules)
        .chain((rule) => badFor(rule).map((v): [unknown, unknown] => [type, withParam(rule.name, v)])),
    );
  if (rules.some((r) => r.name === 'businessHourType'))
    cases.push(fc.constant([type, { ...valid, enableBusinessHour: false, businessHourType: true }]));
  // Only in the query: a form body has no URL length to exceed.
  if (rules.some((r) => r.name === 'workqueueIds' && r.location === 'query'))
    cases.push(
      fc.constant([
        type,
        withParam(
          'workqueueIds',
          Array.from({ length: 3000 }, (_, i) => 1_000_000 + i),
        ),
      ]),
    );
  return fc.oneof(...cases);
}

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ jobDurationMs: 0, rowsPerDay: 1 });
});
afterAll(async () => {
  await sandbox.close();
  console.info(`parameter fuzzing: ${JSON.stringify(tally)}`);
});

describe('parameter fuzzing', () => {
  it(`${RUNS} invalid sets: ValidationError, zero requests`, async () => {
    const invalid = fc
      .constantFrom(...reportTypes)
      .chain((type) => validParams(type).chain((v) => corrupt(type, v)));
    await fc.assert(
      fc.asyncProperty(invalid, async ([type, params]) => {
        const { ca, requests } = observedClient(() => new Response('{}'));
        const error = await ca.reports.start(type as ReportType, params as never).catch((e: unknown) => e);
        tally.invalid++;
        if (requests.length > 0) tally.invalidSent++;
        if (error instanceof ValidationError) tally.invalidRefused++;
        else tally.otherErrors++;
        expect(error).toBeInstanceOf(ValidationError);
        expect(requests).toHaveLength(0);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 600_000);

  it(`${RUNS} valid sets: accepted by the sandbox`, async () => {
    const ca = createCareAnalytics({ baseUrl: sandbox.url, ...sandbox.credentials, onWarning: () => {} });
    const valid = fc
      .constantFrom(...reportTypes)
      .chain((type) => validParams(type).map((p) => [type, p] as const));
    await fc.assert(
      fc.asyncProperty(valid, async ([type, params]) => {
        tally.valid++;
        const job = await ca.reports.start(type, params as never);
        expect(job.workflowId).toMatch(/^[0-9a-f-]{36}$/);
        tally.validAccepted++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 600_000);
});
