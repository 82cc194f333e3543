import { gammaP, gammaQ } from './incomplete-gamma';

// The standard normal distribution. Φ comes from the incomplete gamma function,
// erfc(x) = Q(½, x²), so both tails keep full relative accuracy (p-values of 1e-300 included).

/** Upper tail 1 − Φ(z), accurate far into the tail. */
export function normalSurvival(z: number): number {
  if (z < 0) return 1 - normalSurvival(-z);
  return 0.5 * gammaQ(0.5, (z * z) / 2);
}

/** Standard normal CDF Φ(z). */
export function normalCdf(z: number): number {
  if (z < 0) return normalSurvival(-z);
  return 0.5 + 0.5 * gammaP(0.5, (z * z) / 2);
}

/** Two-sided p-value for a z statistic: 2·(1 − Φ(|z|)). */
export function twoSidedNormalP(z: number): number {
  return Math.min(1, 2 * normalSurvival(Math.abs(z)));
}

// Acklam's rational approximation to Φ⁻¹ (relative error 1.15e-9), then Halley steps on the
// accurate Φ above bring it to machine precision (P. J. Acklam, "An algorithm for computing the
// inverse normal cumulative distribution function", 2003). Coefficients run from the highest power
// down; each denominator ends in its constant 1.
const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1, 1];
const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416, 1];
const lowRegion = 0.02425;

/** A polynomial at x by Horner's rule. */
function polynomial(coefficients: readonly number[], x: number): number {
  return coefficients.reduce((sum, coefficient) => sum * x + coefficient, 0);
}

function acklamLowerTail(p: number): number {
  const q = Math.sqrt(-2 * Math.log(p));
  return polynomial(c, q) / polynomial(d, q);
}

function acklam(p: number): number {
  if (p < lowRegion) return acklamLowerTail(p);
  if (p > 1 - lowRegion) return -acklamLowerTail(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (polynomial(a, r) * q) / polynomial(b, r);
}

/** Φ⁻¹(p) for 0 < p < 1: the z with Φ(z) = p. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN;
  let x = acklam(p);
  for (let step = 0; step < 2; step++) {
    // Work in the smaller tail so the residual keeps its relative accuracy.
    const error = p < 0.5 ? normalCdf(x) - p : 1 - p - normalSurvival(x);
    const u = error * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
    x -= u / (1 + (x * u) / 2);
  }
  return x;
}
