import { betaIncompleteComplement } from './incomplete-beta';
import { logBeta } from './log-gamma';

// Bayesian probability that the variant's true rate beats control's, with uniform priors:
// posteriors Beta(1 + conversions, 1 + non-conversions).
//
// Exact closed form for integer shape parameters (Evan Miller, "Formulas for Bayesian A/B
// Testing", 2014): for X ~ Beta(a1, b1), Y ~ Beta(a2, b2),
//   P(Y > X) = Σ_{i=0}^{a2−1} B(a1+i, b1+b2) / ((b2+i)·B(1+i, b2)·B(a1, b1)).
// Consecutive terms differ by the factor (a1+i)(b2+i) / ((a1+b1+b2+i)(i+1)), so the sum costs one
// logarithm per term. By symmetry (P(Y > X) = 1 − P(X > Y), and p ↦ 1 − p swaps a and b) the sum
// can run over whichever of the four shape parameters is smallest.
//
// When even the smallest exceeds `exactTermLimit`, every posterior is nearly normal and the sum
// would be long; the probability is then integrated instead, E_X[1 − F_Y(X)] over the narrower
// posterior X, by the trapezoid rule at σ/8 spacing over ±12σ (spectrally accurate for smooth,
// fast-decaying integrands; error far below 1e-9), with F_Y the exact incomplete beta.

export const exactTermLimit = 20_000;

interface BetaParams {
  a: number;
  b: number;
}

/** P(Y > X) by Miller's sum over the a of Y, for integer shape parameters. */
export function probYGreaterExact(x: BetaParams, y: BetaParams): number {
  let logTerm = logBeta(x.a, x.b + y.b) - logBeta(x.a, x.b);
  let max = logTerm;
  let scaled = 0;
  for (let i = 0; i < y.a; i++) {
    // Online log-sum-exp: terms rise and then fall, and the first may underflow on its own.
    if (logTerm > max) {
      scaled *= Math.exp(max - logTerm);
      max = logTerm;
    }
    scaled += Math.exp(logTerm - max);
    logTerm += Math.log(((x.a + i) * (y.b + i)) / ((x.a + x.b + y.b + i) * (i + 1)));
  }
  return Math.min(1, Math.max(0, scaled * Math.exp(max)));
}

function betaSd({ a, b }: BetaParams): number {
  return Math.sqrt((a * b) / ((a + b) * (a + b) * (a + b + 1)));
}

/** P(Y > X) by integrating over the narrower posterior; for large shape parameters. */
export function probYGreaterIntegrated(x: BetaParams, y: BetaParams): number {
  if (betaSd(y) < betaSd(x)) return 1 - probYGreaterIntegrated(y, x);
  const mean = x.a / (x.a + x.b);
  const step = betaSd(x) / 8;
  const logNorm = logBeta(x.a, x.b);
  let sum = 0;
  for (let k = -96; k <= 96; k++) {
    const t = mean + k * step;
    if (t <= 0 || t >= 1) continue;
    const density = Math.exp((x.a - 1) * Math.log(t) + (x.b - 1) * Math.log1p(-t) - logNorm);
    sum += density * betaIncompleteComplement(y.a, y.b, t);
  }
  return Math.min(1, Math.max(0, sum * step));
}

/** P(variant's rate > control's rate) under Beta(1 + conversions, 1 + non-conversions) posteriors. */
export function probabilityToBeat(
  control: { visitors: number; conversions: number },
  variant: { visitors: number; conversions: number },
): number {
  const x = { a: 1 + control.conversions, b: 1 + control.visitors - control.conversions };
  const y = { a: 1 + variant.conversions, b: 1 + variant.visitors - variant.conversions };
  const smallest = Math.min(x.a, x.b, y.a, y.b);
  if (smallest > exactTermLimit) return probYGreaterIntegrated(x, y);
  // Pick the cheapest of the four equivalent sums.
  if (smallest === y.a) return probYGreaterExact(x, y);
  if (smallest === x.a) return 1 - probYGreaterExact(y, x);
  if (smallest === x.b) return probYGreaterExact({ a: y.b, b: y.a }, { a: x.b, b: x.a });
  return 1 - probYGreaterExact({ a: x.b, b: x.a }, { a: y.b, b: y.a });
}
