// Holm's step-down adjustment (Holm 1979, "A simple sequentially rejective multiple test
// procedure"), controlling the family-wise error rate across the variants of one experiment:
// sorted ascending, p̃(i) = max_{j ≤ i} min(1, (m − j + 1)·p(j)). Results come back in input order.

/** Holm-adjusted p-values, in the order given. */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((x, y) => x.p - y.p || x.index - y.index);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, index }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[index] = running;
  });
  return adjusted;
}
