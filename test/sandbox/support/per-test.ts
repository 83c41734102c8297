import { afterEach } from 'vitest';
import { type Sandbox, type SandboxOptions, startSandbox } from '../../../src/sandbox/index.js';

/** Starts a sandbox for the current test and closes it afterwards (and when the next one starts). */
export function sandboxPerTest(): (options?: SandboxOptions) => Promise<Sandbox> {
  let current: Sandbox | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return async (options) => {
    await current?.close();
    current = await startSandbox(options);
    return current;
  };
}
