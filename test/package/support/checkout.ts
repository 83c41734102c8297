import { execFile } from 'node:child_process';
import { copyFile, mkdir, symlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const run = promisify(execFile);
export const repo = fileURLToPath(new URL('../../..', import.meta.url));
export const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs a command; on failure, throws with what it printed last. */
export async function sh(command: string, args: string[], cwd: string, what: string) {
  try {
    return await run(command, args, { cwd, maxBuffer: 64 * 1024 * 1024, timeout: 300_000 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${what} failed:\n${`${stdout}\n${stderr}`.trim().split('\n').slice(-40).join('\n')}`);
  }
}

/**
 * A copy of the checkout (tracked and untracked-but-not-ignored files, as they are on disk) in
 * `work`, so that building and packing there cannot pull dist/ from under the CLI tests, which
 * run the built binary of the real checkout at the same time.
 */
export async function copyOfCheckout(work: string): Promise<string> {
  const copy = join(work, 'repo');
  const { stdout } = await sh(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    repo,
    'git ls-files',
  );
  for (const file of stdout.split('\0').filter(Boolean)) {
    await mkdir(dirname(join(copy, file)), { recursive: true });
    await copyFile(join(repo, file), join(copy, file)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error; // deleted in the working tree
    });
  }
  await symlink(join(repo, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}
