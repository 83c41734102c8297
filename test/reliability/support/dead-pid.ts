import { spawnSync } from 'node:child_process';

/** The pid of a process that has already exited (a pid no live process owns right now). */
export function deadPid(): number {
  const { pid } = spawnSync(process.execPath, ['-e', '0']);
  if (!pid) throw new Error('could not spawn a short-lived process');
  return pid;
}
