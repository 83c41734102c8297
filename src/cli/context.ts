/** What a command may touch: injected so tests and `main.ts` decide where output goes. */
export interface CliContext {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stdin: NodeJS.ReadableStream;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly now: () => number;
  /** Aborted on Ctrl-C: every wait and download listens to it. */
  readonly signal: AbortSignal;
  /** Secret values seen during this run, scrubbed from anything printed. */
  readonly secrets: Set<string>;
}

export interface GlobalOptions {
  readonly quiet?: boolean;
  readonly jsonLog?: boolean;
  readonly debug?: boolean;
}
