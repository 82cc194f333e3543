import { seededRandom } from '../../shared/src/generate/seed';

/** The middle value: robust against the odd slow run on a busy machine. */
export function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/** Median wall time of `runs` executions, in milliseconds to two decimals. */
export function medianMs(run: () => void, runs = 5): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return Math.round(median(samples) * 100) / 100;
}

/** Numbers in [0, 1) from the core's seeded generator, so workloads are the same on every run. */
export function seededNumbers(seed: number): () => number {
  const random = seededRandom(seed.toString(16));
  return () => random.next();
}

/** A limit from an issue: `[figure, '≤' | '≥', limit]`, checked by `npm run bench`. */
export type Budget = [string, '≤' | '≥', number];

/** What a workload reports: named figures, and optionally the budgets they must meet. */
export type Figures = { [figure: string]: number | Budget[] | undefined; budgets?: Budget[] };
