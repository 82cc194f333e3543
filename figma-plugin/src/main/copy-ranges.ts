// Where styled runs go when a layer's copy is swapped. Spreadsheet-sync tools lose bold words and
// links here; instead, each run that is not the layer's main style follows its own words into the
// new copy ("Save 30%" → "Get 30% off" keeps "30%" mint and linked). A run whose words are gone
// has no honest place to go, so it is dropped and the version says so.

export interface Range {
  start: number;
  end: number;
}

/** The index of the run that sets the layer's main style: the one covering the most text. */
export function mainRun(runs: readonly Range[]): number {
  let best = 0;
  runs.forEach((run, index) => {
    if (run.end - run.start > runs[best]!.end - runs[best]!.start) best = index;
  });
  return best;
}

/**
 * Maps each run of `oldText` to a range of `newText`, in the same order; the main run covers the whole
 * new text (it is applied first, the others on top). A run whose words are gone is `null`.
 */
export function remapRanges(oldText: string, runs: readonly Range[], newText: string): (Range | null)[] {
  if (!runs.length) return [];
  const main = mainRun(runs);
  const lowerNew = newText.toLowerCase();
  let cursor = 0;
  return runs.map((run, index) => {
    if (index === main) return newText.length ? { start: 0, end: newText.length } : null;
    const words = oldText.slice(run.start, run.end);
    const trimmed = words.trim();
    if (!trimmed) return null;
    const found = lowerNew.indexOf(trimmed.toLowerCase(), cursor);
    if (found < 0) return null;
    cursor = found + trimmed.length;
    return { start: found, end: found + trimmed.length };
  });
}
