import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { type Caller, call, caller, DAY, JAN_1 } from './support/http.js';

let sb: Sandbox;
let c: Caller;
beforeAll(async () => {
  sb = await startSandbox({ teams: 3, agents: 10 });
  c = caller(sb);
});
afterAll(() => sb.close());

describe('reference data', () => {
  it('lists the runtime IANA zones with their current offsets in the vendor shape', async () => {
    const res = await call(c, 'GET', '/config/timezones');
    expect(res.status).toBe(200);
    const zones = res.body.result as {
      id: string;
      name: string;
      shortName: string;
      offsetString: string;
      offsetMillis: number;
    }[];
    expect(zones.map((z) => z.id)).toEqual(expect.arrayContaining(Intl.supportedValuesOf('timeZone')));
    const kolkata = zones.find((z) => z.id === 'Asia/Kolkata' || z.id === 'Asia/Calcutta');
    expect(kolkata).toMatchObject({ offsetString: '+05:30', offsetMillis: 19_800_000 });
    for (const zone of zones) {
      expect(Object.keys(zone)).toEqual(['id', 'name', 'shortName', 'offsetString', 'offsetMillis']);
      const sign = zone.offsetMillis < 0 ? '-' : '+';
      const minutes = Math.abs(zone.offsetMillis) / 60_000;
      expect(zone.offsetString).toBe(
        `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
      );
    }
    const chicago = zones.find((z) => z.id === 'America/Chicago');
    expect([-21_600_000, -18_000_000]).toContain(chicago?.offsetMillis);
  });

  it('names zones in the requested locale', async () => {
    const en = await call(c, 'GET', '/config/timezones');
    const de = await call(c, 'GET', '/config/timezones', { query: 'locale=de' });
    const name = (body: typeof en.body) =>
      body.result.find((z: { id: string }) => z.id === 'Europe/Berlin').name;
    expect(name(en.body)).toMatch(/Central European/);
    expect(name(de.body)).toMatch(/Mitteleuropäische/);
  });

  it('lists the roster teams with member counts', async () => {
    const res = await call(c, 'GET', '/teams');
    expect(res.body.result).toHaveLength(3);
    for (const team of res.body.result) {
      expect(team).toEqual({
        uuid: expect.stringMatching(/^[0-9a-f-]{36}$/),
        teamId: expect.any(Number),
        name: expect.any(String),
        description: team.description === null ? null : expect.any(String),
        numberOfMembers: expect.any(Number),
      });
    }
    expect(
      res.body.result.reduce((n: number, t: { numberOfMembers: number }) => n + t.numberOfMembers, 0),
    ).toBe(10);
  });

  it('lists only the caller’s jobs of the last 24 hours on /reports/jobs', async () => {
    expect((await call(c, 'GET', '/reports/jobs')).body.result).toEqual([]);
    await call(c, 'POST', '/reports/report/author', { query: `startTime=${JAN_1}&endTime=${JAN_1 + DAY}` });
    const jobs = (await call(c, 'GET', '/reports/jobs')).body.result;
    expect(jobs).toHaveLength(1);
    expect(jobs[0].result).toEqual({ runnerState: 'RUNNING', details: '', reason: null });
  });
});
