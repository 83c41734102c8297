// How late wait() notices that a job finished, for jobs of 2, 10, 30 and 60 s, against the job's
// real end: the sandbox runs each job for exactly that long from the run call. Twice per length
// with the counts the sandbox reports (currentCount rising to totalCount), twice with the counts
// nulled on the way in (as in the vendor's own examples), the short ones on their own.
// Lateness = (wait() resolved − run call) ÷ job length; target ≤ 1.10. The polls each wait made
// are shown beside the geometric 1.5× schedule the ladder replaced.
import { createCareAnalytics } from '../../src/index.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { report } from './support/report.js';

const LENGTHS_S = [2, 10, 30, 60];
const ROUNDS = 2;
const DAY = 86_400_000;
// A recent whole day: inside the 18 months of data the API keeps.
const today = Math.floor(Date.now() / DAY) * DAY;
const range = { startTime: today - 3 * DAY, endTime: today - 2 * DAY };

/** The status body with currentCount and totalCount set to null. */
function nullCounts(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(nullCounts);
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    copy[key] = key === 'currentCount' || key === 'totalCount' ? null : nullCounts(inner);
  }
  return copy;
}

const withoutCounts = async (request: Request): Promise<Response> => {
  const response = await fetch(request);
  if (!new URL(request.url).pathname.endsWith('/status') || !response.ok) return response;
  const body = nullCounts(JSON.parse(await response.text()));
  return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
};

/** Polls the replaced schedule (1 s × 1.5^n, capped at 30 s) needed to see a job of `ms`. */
function geometricPolls(ms: number): number {
  let at = 0;
  for (let poll = 0; ; poll++) {
    at += Math.min(30_000, 1_000 * 1.5 ** poll);
    if (at >= ms) return poll + 1;
  }
}

interface Run {
  readonly lateness: number;
  readonly polls: number;
}

/**
 * Jobs of zero length run to their end by the client on a sandbox of their own: the sandbox's job
 * path and the modules the client loads with its first start and first wait are then loaded.
 */
async function warmJobPath(): Promise<void> {
  const sb = await startSandbox({ jobDurationMs: 0 });
  try {
    const ca = createCareAnalytics({ baseUrl: sb.url, ...sb.credentials });
    for (let i = 0; i < 3; i++) {
      const job = await ca.reports.start('conversation', range);
      await job.wait({ pollIntervalMs: 10 });
    }
  } finally {
    await sb.close();
  }
}

// In this process: on a loaded 2-core machine four more server processes delay every poll more
// than sharing the thread does.
const sandboxes = await Promise.all(
  LENGTHS_S.map((s) =>
    startSandbox({
      jobDurationMs: s * 1000,
      extraUsers: [{ username: 'second', password: 'second-password' }],
    }),
  ),
);
try {
  // Warm-up, so that first-use costs are not timed as lateness. Jobs run to their end on a
  // throwaway sandbox in this process load and compile the sandbox's job path (row counting,
  // export generation and measurement: cold, the first run calls took 100–360 ms each to be
  // answered, on top of the job's length) and the client's start and wait modules, which load
  // with the first start (validation, the run call, node:http fetch): the client's start-up is
  // measured apart (entry size, CLI start-up).
  await warmJobPath();
  // The run and status routes' request validation loads on first use per sandbox, not in a timed
  // job (a run with its window reversed and the status of an unknown job are answered 400 at once).
  await Promise.all(
    sandboxes.map(async (sb) => {
      const authorization = `Basic ${btoa(`${sb.credentials.username}:${sb.credentials.password}`)}`;
      const key = `companyKey=${sb.credentials.companyKey}`;
      await fetch(`${sb.url}/reports/report/conversation?startTime=2&endTime=1&${key}`, {
        method: 'POST',
        headers: { authorization },
      }).then((res) => res.arrayBuffer());
      await fetch(`${sb.url}/reports/report/${crypto.randomUUID()}/x/status?${key}`, {
        headers: { authorization },
      }).then((res) => res.arrayBuffer());
    }),
  );
  // The short jobs first, on their own: sixteen jobs starting at once would measure the start-up
  // crowd, not the polling. Then the 30 s and 60 s jobs together (about 75 s in all).
  const runs: (Run & { nulled: boolean; lengthMs: number })[] = [];
  for (const group of [[2], [10], [30, 60]]) {
    runs.push(
      ...(await Promise.all(
        sandboxes.flatMap((sb, index) => {
          if (!group.includes(LENGTHS_S[index] as number)) return [];
          const lengthMs = (LENGTHS_S[index] as number) * 1000;
          const { companyKey } = sb.credentials;
          const users = [sb.credentials, { username: 'second', password: 'second-password', companyKey }];
          // Per user at most two running jobs: one user runs the counted pair, the other the nulled pair.
          return [false, true].flatMap((nulled, user) =>
            Array.from({ length: ROUNDS }, async (): Promise<Run & { nulled: boolean; lengthMs: number }> => {
              const ca = createCareAnalytics({
                baseUrl: sb.url,
                ...(users[user] as typeof sb.credentials),
                ...(nulled ? { fetch: withoutCounts } : {}),
              });
              const began = performance.now();
              const job = await ca.reports.start('conversation', range);
              const polls: number[] = [];
              await job.wait({ onProgress: (p) => polls.push(p.polls) });
              const lateness = (performance.now() - began) / lengthMs;
              return { lateness, polls: polls.length, nulled, lengthMs };
            }),
          );
        }),
      )),
    );
  }
  for (const nulled of [false, true]) {
    for (const s of LENGTHS_S) {
      const mine = runs.filter((r) => r.nulled === nulled && r.lengthMs === s * 1000);
      report({
        what: `\`wait()\` on a ${s} s job, counts ${nulled ? 'null' : 'moving'}`,
        baseline: "the job's real end",
        ratios: mine.map((r) => r.lateness),
        target: 1.1,
        lowerIsBetter: true,
        note: `${Math.max(...mine.map((r) => r.polls))} polls (geometric schedule: ${geometricPolls(s * 1000)})`,
      });
    }
  }
} finally {
  await Promise.all(sandboxes.map((sb) => sb.close()));
}
