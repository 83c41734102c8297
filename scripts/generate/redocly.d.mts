/** Runs `redocly <args>` in `root`; `output` is stdout+stderr without Redocly's Node-20 notice. */
export function runRedocly(root: string, args: readonly string[]): { ok: boolean; output: string };
