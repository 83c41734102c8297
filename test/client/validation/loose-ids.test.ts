import { describe, expect, it } from 'vitest';
import { reportOperations } from '../../../generated/report-parameters.js';
import { ValidationError } from '../../../src/index.js';
import { validateReportParams } from '../../../src/parameters/validate-report-params.js';
import { BASE, credentials, observedClient, started, window } from '../support/observed-fetch.js';

// The vendor declares smartViewId, agentId, workqueueIds and teamIds as strings and publishes no
// example values; /teams answers integers. The client takes both and sends them as given.
const rule = (type: keyof typeof reportOperations, name: string) =>
  reportOperations[type].parameters.find((p) => p.name === name);

describe('ids: integers and non-empty strings alike', () => {
  it('reads the loose id types from the generated parameter table', () => {
    expect(rule('conversation', 'smartViewId')).toMatchObject({ type: 'integerOrString', minLength: 1 });
    expect(rule('conversation', 'workqueueIds')).toMatchObject({
      type: 'array',
      items: 'integerOrString',
      pattern: '^[^,]+$',
      serialization: 'commaJoined',
    });
    expect(rule('team_performance', 'teamIds')).toMatchObject({
      items: 'integerOrString',
      pattern: '^[^,]+$',
    });
    expect(rule('user', 'agentId')).toMatchObject({ items: 'integerOrString', serialization: 'repeated' });
    expect(rule('user', 'agentId')?.pattern).toBeUndefined();
  });

  it.each([
    ['conversation', { smartViewId: 3051 }],
    ['conversation', { smartViewId: 'sv-3051' }],
    ['conversation', { workqueueIds: [12, 'wq-40'] }],
    ['team_performance', { teamIds: ['7', 9] }],
    ['user', { agentId: ['a:1042', 1077] }],
  ] as const)('accepts %s %j', (type, extra) => {
    const { values } = validateReportParams(type, { ...window, ...extra });
    for (const [name, value] of Object.entries(extra)) expect(values[name]).toEqual(value);
  });

  it.each([
    ['conversation', { smartViewId: '' }, 'smartViewId', 'a non-empty string'],
    ['conversation', { smartViewId: 1.5 }, 'smartViewId', 'an integer'],
    ['conversation', { smartViewId: -1 }, 'smartViewId', 'at least 0'],
    ['conversation', { workqueueIds: ['12,40'] }, 'workqueueIds', 'without a comma'],
    ['team_performance', { teamIds: [7, ''] }, 'teamIds', 'without a comma'],
    ['user', { agentId: [true] }, 'agentId', 'a non-empty string'],
  ] as const)('refuses %s %j, naming %s and what it takes', (type, extra, parameter, fix) => {
    let error: unknown;
    try {
      validateReportParams(type, { ...window, ...extra });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).parameter).toBe(parameter);
    expect((error as ValidationError).message).toContain(fix);
  });

  it('sends string and integer ids unchanged, in their own list styles', async () => {
    const { ca, requests } = observedClient(() => started());
    await ca.reports.start('conversation', {
      ...window,
      workqueueIds: [12, 'wq-40'],
      smartViewId: 'sv 3051',
    });
    await ca.reports.start('user', { ...window, teamId: [7], agentId: ['a:1042', 1077] });
    expect(requests[0]?.href).toBe(
      `${BASE}/reports/report/conversation?startTime=${window.startTime}&endTime=${window.endTime}` +
        `&workqueueIds=12%2Cwq-40&smartViewId=sv%203051&companyKey=${credentials.companyKey}`,
    );
    expect(requests[1]?.body).toBe(
      `startTime=${window.startTime}&endTime=${window.endTime}&teamId=7&agentId=a%3A1042&agentId=1077`,
    );
  });
});
