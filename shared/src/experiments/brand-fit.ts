import { chiSquareSurvival } from './chi-square';
import { normalQuantile } from './normal';

// Do on-brand variants convert differently? Variants made in the Figma plugin or the Docs add-on
// carry their brand-fit score (0–100). Within each experiment (and segment), arms scoring at least
// `threshold` are on-brand, the rest off-brand; only experiments with both kinds take part, so each
// comparison is between variants that shared traffic, time and audience. The strata are combined by
// the Mantel–Haenszel odds ratio (Mantel & Haenszel 1959), with the Robins–Breslow–Greenland
// variance of its logarithm (1986) for the interval at 1 − α, and tested by the
// Cochran–Mantel–Haenszel χ² (1 df, no continuity correction).
// The default threshold, 80, is where a short text with one error-level finding (score 67) falls
// short (see lint/score.ts).
// Too few to tell: no experiment has both an on-brand and an off-brand arm, or either side has fewer
// than `minConversions` conversions (and non-conversions): with fewer events the interval's normal
// approximation is not to be trusted. Arms differ in more than brand fit, so a difference is an
// association across variants, not proof that brand fit causes it.

export const brandFitDefaults = { threshold: 80, minConversions: 10 };

export interface BrandFitArm {
  visitors: number;
  conversions: number;
  /** null when the arm carries no brand-fit score; it then takes no part. */
  brandFit: number | null;
}

export type BrandFitResult =
  | { ok: true; strata: number; onBrand: { visitors: number; conversions: number }; offBrand: { visitors: number; conversions: number }; oddsRatio: number; low: number; high: number; chiSquare: number; pValue: number; significant: boolean; text: string }
  | { ok: false; strata: number; text: string };

interface Table {
  a: number;
  b: number;
  c: number;
  d: number;
  n: number;
}

function tableOf(arms: readonly BrandFitArm[], threshold: number): Table | null {
  const scored = arms.filter((arm) => arm.brandFit !== null);
  const on = scored.filter((arm) => arm.brandFit! >= threshold);
  const off = scored.filter((arm) => arm.brandFit! < threshold);
  if (on.length === 0 || off.length === 0) return null;
  const sum = (list: BrandFitArm[], pick: (arm: BrandFitArm) => number) => list.reduce((total, arm) => total + pick(arm), 0);
  const a = sum(on, (arm) => arm.conversions);
  const b = sum(on, (arm) => arm.visitors - arm.conversions);
  const c = sum(off, (arm) => arm.conversions);
  const d = sum(off, (arm) => arm.visitors - arm.conversions);
  return { a, b, c, d, n: a + b + c + d };
}

/** On-brand against off-brand arms across experiments (each inner list is one experiment's arms). */
export function compareBrandFit(strata: readonly (readonly BrandFitArm[])[], alpha = 0.05, threshold = brandFitDefaults.threshold, minConversions = brandFitDefaults.minConversions): BrandFitResult {
  const tables = strata.map((arms) => tableOf(arms, threshold)).filter((table): table is Table => table !== null);
  if (tables.length === 0) return { ok: false, strata: 0, text: `Too few to tell whether on-brand variants convert differently: no experiment has both a variant scoring at least ${threshold} for brand fit and one scoring under it.` };
  const total = (pick: (t: Table) => number) => tables.reduce((sum, t) => sum + pick(t), 0);
  const onBrand = { visitors: total((t) => t.a + t.b), conversions: total((t) => t.a) };
  const offBrand = { visitors: total((t) => t.c + t.d), conversions: total((t) => t.c) };
  const events = Math.min(onBrand.conversions, offBrand.conversions, onBrand.visitors - onBrand.conversions, offBrand.visitors - offBrand.conversions);
  if (events < minConversions) {
    return { ok: false, strata: tables.length, text: `Too few to tell whether on-brand variants convert differently: on-brand variants have ${onBrand.conversions} conversions and off-brand ones ${offBrand.conversions}; each side needs at least ${minConversions}.` };
  }
  const R = tables.map((t) => (t.a * t.d) / t.n);
  const S = tables.map((t) => (t.b * t.c) / t.n);
  const P = tables.map((t) => (t.a + t.d) / t.n);
  const Q = tables.map((t) => (t.b + t.c) / t.n);
  const sr = R.reduce((x, y) => x + y, 0);
  const ss = S.reduce((x, y) => x + y, 0);
  const oddsRatio = sr / ss;
  let variance = 0;
  tables.forEach((_, i) => {
    variance += (P[i]! * R[i]!) / (2 * sr * sr) + (P[i]! * S[i]! + Q[i]! * R[i]!) / (2 * sr * ss) + (Q[i]! * S[i]!) / (2 * ss * ss);
  });
  const margin = -normalQuantile(alpha / 2) * Math.sqrt(variance);
  let deviation = 0;
  let hypergeometric = 0;
  for (const t of tables) {
    deviation += t.a - ((t.a + t.b) * (t.a + t.c)) / t.n;
    hypergeometric += ((t.a + t.b) * (t.c + t.d) * (t.a + t.c) * (t.b + t.d)) / (t.n * t.n * (t.n - 1));
  }
  const chiSquare = (deviation * deviation) / hypergeometric;
  const pValue = chiSquareSurvival(chiSquare, 1);
  const low = Math.exp(Math.log(oddsRatio) - margin);
  const high = Math.exp(Math.log(oddsRatio) + margin);
  const significant = pValue < alpha;
  const across = `across ${tables.length} ${tables.length === 1 ? 'experiment' : 'experiments'}`;
  const odds = `odds ratio ${oddsRatio.toFixed(2)}, interval ${low.toFixed(2)} to ${high.toFixed(2)}, ${pValue < 0.001 ? 'p < 0.001' : `p = ${pValue.toFixed(3)}`}`;
  const text = significant
    ? `On-brand variants (brand fit ${threshold} or more) convert ${oddsRatio > 1 ? 'better' : 'worse'} than off-brand ones ${across} (${odds}). The variants differ in more than brand fit, so read this as an association.`
    : `No difference shown between on-brand and off-brand variants ${across} (${odds}).`;
  return { ok: true, strata: tables.length, onBrand, offBrand, oddsRatio, low, high, chiSquare, pValue, significant, text };
}
