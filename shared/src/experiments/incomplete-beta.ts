import { logBeta } from './log-gamma';

// Regularized incomplete beta I_x(a, b) by its continued fraction, evaluated with the modified
// Lentz method (Lentz 1976; Numerical Recipes 3rd ed. §6.4). The fraction converges fast for
// x < (a + 1)/(a + b + 2); elsewhere the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) is used.
const epsilon = 1e-16;
const tiny = 1e-300;
const maxIterations = 100_000;

function continuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  // One Lentz step for the partial numerator aa: the factor it multiplies the fraction by.
  const step = (aa: number) => {
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    return d * c;
  };
  for (let m = 1; m <= maxIterations; m++) {
    const m2 = 2 * m;
    h *= step((m * (b - m) * x) / ((qam + m2) * (a + m2)));
    const delta = step((-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2)));
    h *= delta;
    if (Math.abs(delta - 1) < epsilon) break;
  }
  return h;
}

function front(a: number, b: number, x: number): number {
  return Math.exp(a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b));
}

/** Regularized incomplete beta I_x(a, b) for a, b > 0 and 0 ≤ x ≤ 1. */
export function betaIncomplete(a: number, b: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  if (x < (a + 1) / (a + b + 2)) return (front(a, b, x) * continuedFraction(a, b, x)) / a;
  return 1 - (front(b, a, 1 - x) * continuedFraction(b, a, 1 - x)) / b;
}

/** Upper tail 1 − I_x(a, b), computed directly where it is small. */
export function betaIncompleteComplement(a: number, b: number, x: number): number {
  return betaIncomplete(b, a, 1 - x);
}
