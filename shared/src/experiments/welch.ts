import { studentQuantile, twoSidedStudentP } from './student-t';

// Welch's unequal-variances t-test for the difference of two means from summary statistics
// (Welch 1947, "The generalization of 'Student's' problem when several different population
// variances are involved"), with the Welch–Satterthwaite degrees of freedom
// (Satterthwaite 1946): ν = (v1 + v2)² / (v1²/(n1−1) + v2²/(n2−1)), vi = sdᵢ²/nᵢ.
// Two-sided; the interval for the difference (variant − control) is at level 1 − α.

export interface MeanSummary {
  mean: number;
  sd: number;
  n: number;
}

export interface WelchTest {
  diff: number;
  t: number;
  df: number;
  pValue: number;
  ciLow: number;
  ciHigh: number;
}

/** Welch–Satterthwaite degrees of freedom. */
export function welchDf(control: MeanSummary, variant: MeanSummary): number {
  // ν does not change when both standard errors are scaled alike, so they are divided by the larger
  // first: squares of standard deviations near 1e200 would overflow.
  const e1 = control.sd / Math.sqrt(control.n);
  const e2 = variant.sd / Math.sqrt(variant.n);
  const scale = Math.max(e1, e2);
  const v1 = (e1 / scale) ** 2;
  const v2 = (e2 / scale) ** 2;
  return ((v1 + v2) * (v1 + v2)) / ((v1 * v1) / (control.n - 1) + (v2 * v2) / (variant.n - 1));
}

/** Welch's t-test of variant minus control, with its confidence interval. */
export function welchTest(control: MeanSummary, variant: MeanSummary, alpha = 0.05): WelchTest {
  const diff = variant.mean - control.mean;
  // hypot, not the root of a sum of squares, so standard deviations near 1e200 do not overflow.
  const se = Math.hypot(control.sd / Math.sqrt(control.n), variant.sd / Math.sqrt(variant.n));
  if (se === 0) {
    // Both arms without spread: any difference is certain, none is no evidence at all.
    return { diff, t: diff === 0 ? 0 : Math.sign(diff) * Infinity, df: control.n + variant.n - 2, pValue: diff === 0 ? 1 : 0, ciLow: diff, ciHigh: diff };
  }
  const df = welchDf(control, variant);
  const t = diff / se;
  const margin = studentQuantile(1 - alpha / 2, df) * se;
  return { diff, t, df, pValue: twoSidedStudentP(t, df), ciLow: diff - margin, ciHigh: diff + margin };
}
