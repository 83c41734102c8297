// What every benchmark shares: interleaved rounds (baseline, candidate, baseline, candidate…, so a
// neighbour's load colours both sides alike), ratios per round reported as min/median/max, and one
// machine-readable line per figure that run.ts gathers into the one table.

export interface Figure {
  /** What is measured, e.g. "json rows()". */
  readonly what: string;
  /** What it is measured against, in the same run. */
  readonly baseline: string;
  /** One ratio per round; higher is better unless `lowerIsBetter`. */
  readonly ratios: readonly number[];
  /** e.g. 0.8 for "≥ 0.8×" (or "≤ 1.1×" with lowerIsBetter). */
  readonly target: number;
  readonly lowerIsBetter?: boolean;
  /** Shown after the ratio: absolute figures, counts. */
  readonly note?: string;
  /** Shown instead of ×: the figures are absolute values in this unit (e.g. MB), not ratios. */
  readonly unit?: string;
}

export const FIGURE_PREFIX = 'BENCH-FIGURE ';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Whether a figure meets its target: its median round is on the right side. (The worst round of
 * an interleaved pair on a machine shared with other jobs measures the neighbours; min and max
 * are shown beside it.)
 */
export function met(figure: Figure): boolean {
  const value = median(figure.ratios);
  return figure.lowerIsBetter ? value <= figure.target : value >= figure.target;
}

/** Prints a figure for run.ts (and a readable line for a bench run on its own). */
export function report(figure: Figure): void {
  const [lo, mid, hi] = [Math.min(...figure.ratios), median(figure.ratios), Math.max(...figure.ratios)];
  console.log(
    `${figure.what}: ${lo.toFixed(2)} / ${mid.toFixed(2)} / ${hi.toFixed(2)} ${figure.unit ?? `× ${figure.baseline}`} ` +
      `(target ${figure.lowerIsBetter ? '≤' : '≥'} ${figure.target} ${figure.unit ?? '×'}: ${met(figure) ? 'met' : 'NOT met'})` +
      `${figure.note ? `; ${figure.note}` : ''}`,
  );
  console.log(`${FIGURE_PREFIX}${JSON.stringify(figure)}`);
}

/** Seconds taken by `run`. */
export async function seconds(run: () => unknown): Promise<number> {
  const began = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - began) / 1e9;
}

/**
 * `rounds` interleaved rounds of baseline and candidate (which goes first alternates); returns
 * speed ratios candidate ÷ baseline (time of baseline ÷ time of candidate), one per round.
 */
export async function interleaved(
  rounds: number,
  baseline: () => unknown,
  candidate: () => unknown,
): Promise<{ ratios: number[]; baselineS: number[]; candidateS: number[] }> {
  return interleavedTimed(
    rounds,
    () => seconds(baseline),
    () => seconds(candidate),
  );
}

/** As {@link interleaved}, for sides that time themselves: each resolves with its own seconds. */
export async function interleavedTimed(
  rounds: number,
  baseline: () => Promise<number>,
  candidate: () => Promise<number>,
): Promise<{ ratios: number[]; baselineS: number[]; candidateS: number[] }> {
  const ratios: number[] = [];
  const baselineS: number[] = [];
  const candidateS: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let b: number;
    let c: number;
    if (round % 2 === 0) {
      b = await baseline();
      c = await candidate();
    } else {
      c = await candidate();
      b = await baseline();
    }
    baselineS.push(b);
    candidateS.push(c);
    ratios.push(b / c);
  }
  return { ratios, baselineS, candidateS };
}
