// What the benchmarks share for servers: each in a child process (so a server's work and the
// client's never share a thread), started from a script that prints where it listens; plus
// best-of-N timing.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { SandboxOptions } from '../../../src/sandbox/index.js';

export const MB = 1e6;

export interface Timed {
  readonly bytes: number;
  readonly ms: number;
}

/** The fastest of several runs: on a shared machine the slower ones measure the neighbours. */
export function fastest<T extends Timed>(runs: readonly T[]): T {
  return runs.reduce((best, run) => (run.ms < best.ms ? run : best));
}

/** Runs `make` `times` times and keeps the fastest. */
export async function bestOf<T extends Timed>(times: number, make: () => Promise<T>): Promise<T> {
  const runs: T[] = [];
  for (let i = 0; i < times; i++) runs.push(await make());
  return fastest(runs);
}

export interface Child {
  /** The JSON object the child printed as its first line. */
  readonly info: Record<string, unknown>;
  /** Closes the child's stdin, its signal to stop, and waits for it to exit. */
  stop(): Promise<void>;
}

/** Starts `script` (TypeScript, under this process's loader flags) and reads its first line. */
export async function startChild(script: string | URL, ...args: string[]): Promise<Child> {
  const path = typeof script === 'string' ? script : fileURLToPath(script);
  const proc = spawn(process.execPath, [...process.execArgv, path, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const first = await createInterface({ input: proc.stdout })[Symbol.asyncIterator]().next();
  if (first.done) throw new Error(`${path} exited before printing where it listens`);
  return {
    info: JSON.parse(first.value as string),
    stop: async () => {
      proc.stdin.end();
      if (proc.exitCode === null) await once(proc, 'exit');
    },
  };
}

export interface SandboxChild extends Child {
  readonly url: string;
  readonly credentials: { readonly username: string; readonly password: string; readonly companyKey: string };
}

/** A sandbox with `options` in a child process. */
export async function startSandboxChild(options: SandboxOptions): Promise<SandboxChild> {
  const child = await startChild(new URL('./sandbox-server.ts', import.meta.url), JSON.stringify(options));
  return { ...child, ...(child.info as Pick<SandboxChild, 'url' | 'credentials'>) };
}
