// What the sandbox benchmarks share: servers in child processes (so a server's work and the
// reader's never share a thread, as with a sandbox serving a client under test), a timed download
// over loopback, and best-of-N timing.
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

export const mbPerSecond = (run: Timed): number => run.bytes / MB / (run.ms / 1000);

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

/** A bare node:http server in a child process that serves `totalBytes` of a pre-built buffer. */
export async function startBareServer(totalBytes: number): Promise<Child> {
  return startChild(new URL('./bare-http-server.ts', import.meta.url), String(totalBytes));
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

/** GETs `url` with fetch and reads the body to the end, counting bytes. */
export async function download(url: string): Promise<Timed & { declared: number }> {
  const began = performance.now();
  const res = await fetch(url);
  if (!res.ok || !res.body) throw new Error(`GET ${url} answered ${res.status}`);
  const reader = res.body.getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.length;
  }
  return { bytes, ms: performance.now() - began, declared: Number(res.headers.get('content-length')) };
}
