import { betaIncomplete } from './incomplete-beta';
import { normalQuantile } from './normal';

// Student's t distribution through the incomplete beta function:
// P(|T| > t) = I_{ν/(ν+t²)}(ν/2, ½) (Abramowitz & Stegun 26.7.1 with 26.5.27).

/** Two-sided p-value P(|T| ≥ |t|) for ν degrees of freedom (ν may be fractional, as in Welch's test). */
export function twoSidedStudentP(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0;
  return Math.min(1, betaIncomplete(df / 2, 0.5, df / (df + t * t)));
}

/** Student t CDF P(T ≤ t). */
export function studentCdf(t: number, df: number): number {
  const tail = twoSidedStudentP(t, df) / 2;
  return t < 0 ? tail : 1 - tail;
}

/** Quantile of Student's t: the t with P(T ≤ t) = p, for 0 < p < 1. */
export function studentQuantile(p: number, df: number): number {
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentQuantile(1 - p, df);
  // Bisection on x = ν/(ν+t²), where the two-sided tail I_x(ν/2, ½) rises monotonically from 0 to 1:
  // slow but certain, and a t quantile is computed once per comparison.
  const target = 2 * (1 - p);
  let low = 0;
  let high = 1;
  for (let i = 0; i < 1100 && high - low > 1e-16 * low; i++) {
    const mid = (low + high) / 2;
    if (betaIncomplete(df / 2, 0.5, mid) < target) low = mid;
    else high = mid;
  }
  const x = (low + high) / 2;
  const t = Math.sqrt((df * (1 - x)) / x);
  return Number.isFinite(t) ? t : normalQuantile(p);
}
