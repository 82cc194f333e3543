import { logGamma } from './log-gamma';

// Regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x):
// the power series where it converges fast (x < a + 1) and the Legendre continued fraction,
// evaluated with the modified Lentz method, elsewhere (Numerical Recipes 3rd ed. §6.2).
// Each is computed directly in its own tail, so tiny p-values keep their relative accuracy.
const epsilon = 1e-16;
const tiny = 1e-300;
const maxIterations = 100_000;

function prefactor(a: number, x: number): number {
  return Math.exp(a * Math.log(x) - x - logGamma(a));
}

function series(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < maxIterations; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * epsilon) break;
  }
  return sum * prefactor(a, x);
}

function continuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < maxIterations; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < epsilon) break;
  }
  return h * prefactor(a, x);
}

/** Lower regularized incomplete gamma P(a, x), a > 0, x ≥ 0. */
export function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  return x < a + 1 ? series(a, x) : 1 - continuedFraction(a, x);
}

/** Upper regularized incomplete gamma Q(a, x) = 1 − P(a, x), accurate in the far tail. */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  return x < a + 1 ? 1 - series(a, x) : continuedFraction(a, x);
}
