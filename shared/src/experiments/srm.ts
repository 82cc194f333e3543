import { chiSquareSurvival } from './chi-square';

// Sample ratio mismatch: Pearson's χ² goodness-of-fit of the visitors per arm against the planned
// split, k − 1 degrees of freedom. The alarm threshold p < 0.001 follows common practice
// (Fabijan et al. 2019, "Diagnosing Sample Ratio Mismatch in Online Controlled Experiments";
// GrowthBook and Optimizely use the same): a split this unlikely means the assignment or the
// tracking is broken, and the results should not be trusted.

export const srmThreshold = 0.001;

export interface SrmResult {
  chiSquare: number;
  df: number;
  pValue: number;
  mismatch: boolean;
}

/** χ² test of observed visitors per arm against planned weights (equal split when omitted). */
export function srmTest(visitors: readonly number[], weights?: readonly number[], threshold = srmThreshold): SrmResult {
  const k = visitors.length;
  const total = visitors.reduce((sum, v) => sum + v, 0);
  const plan = weights ?? visitors.map(() => 1);
  const planTotal = plan.reduce((sum, w) => sum + w, 0);
  if (k < 2 || total === 0 || !(planTotal > 0)) return { chiSquare: 0, df: Math.max(0, k - 1), pValue: 1, mismatch: false };
  let chiSquare = 0;
  for (let i = 0; i < k; i++) {
    const expected = (total * plan[i]) / planTotal;
    chiSquare += ((visitors[i] - expected) * (visitors[i] - expected)) / expected;
  }
  const pValue = chiSquareSurvival(chiSquare, k - 1);
  return { chiSquare, df: k - 1, pValue, mismatch: pValue < threshold };
}
