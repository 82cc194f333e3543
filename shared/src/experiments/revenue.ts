import { holmAdjust } from './holm';
import { normalCdf, normalQuantile } from './normal';
import { welchTest, type MeanSummary } from './welch';

// Revenue per visitor and average order value, each compared with control by Welch's t-test.
// An arm's revenue arrives as three sums, whether a warehouse or the sheet computed them: visitors
// n, revenue S = Σxᵢ and revenue sum of squares Q = Σxᵢ², where xᵢ is one visitor's revenue
// (0 for a visitor who did not buy). Then mean = S/n and the sample variance is
// (Q − S²/n)/(n − 1), exactly what the visitor rows would give. Without Q there is no variance,
// and none is invented: revenue is then reported as not testable, with the reason.
// Average order value treats each conversion as one order: its n is the conversions, and since
// only converting visitors have revenue, S and Q are the orders' own sums.
// Intervals at level 1 − α: the difference of means by Welch's t (Welch–Satterthwaite df); the
// relative lift m₂/m₁ − 1 by the delta method on the log ratio,
//   exp(ln(m₂/m₁) ± z·√(se₁²/m₁² + se₂²/m₂²)) − 1,
// the same log-ratio form the conversion lift uses. Probability to beat control: Φ(diff/se), the
// posterior probability that the variant's mean is higher under flat priors and the normal
// approximation. p-values are Holm-adjusted across the experiment's variants, as for conversion.

export interface RevenueArm {
  visitors: number;
  conversions: number;
  revenue: number;
  /** Σ of each visitor's revenue squared; null when the data do not give it. */
  revenueSquares: number | null;
}

export type RevenueMetric = 'revenue per visitor' | 'average order value';

export interface MeanComparison {
  metric: RevenueMetric;
  control: number;
  variant: number;
  diff: number;
  diffLow: number;
  diffHigh: number;
  /** Relative lift of the variant's mean; null when control's mean is 0. */
  lift: number | null;
  liftLow: number | null;
  liftHigh: number | null;
  df: number;
  pValue: number;
  pValueAdjusted: number;
  probabilityToBeatControl: number;
}

/** A metric compared for every variant, or the reason it cannot be tested. */
export type RevenueAnalysis = { ok: true; variants: MeanComparison[] } | { ok: false; reason: string };

/** Mean and standard deviation of n values from their sum and sum of squares. */
export function summaryFromSums(n: number, sum: number, squares: number): MeanSummary {
  const mean = sum / n;
  // Q − S²/n is ≥ 0 for real data; rounding can leave a hair below, which is no spread at all.
  const variance = n > 1 ? Math.max(0, squares - sum * mean) / (n - 1) : 0;
  return { mean, sd: Math.sqrt(variance), n };
}

/** Why an arm's revenue sums cannot be real, or null when they can. */
export function revenueSumsProblem(arm: RevenueArm): string | null {
  if (arm.revenueSquares === null) return null;
  if (arm.revenueSquares < 0) return `revenue sum of squares is negative (${arm.revenueSquares})`;
  if (arm.conversions === 0 && arm.revenue > 0) return `revenue is ${arm.revenue} with no conversions`;
  // Cauchy–Schwarz: the revenue of c buying visitors has Σx² ≥ (Σx)²/c.
  const buyers = Math.max(1, arm.conversions);
  if (arm.revenueSquares < ((arm.revenue * arm.revenue) / buyers) * (1 - 1e-9)) {
    return `revenue sum of squares (${arm.revenueSquares}) is below revenue² ÷ conversions (${(arm.revenue * arm.revenue) / buyers}), which no set of orders can give`;
  }
  return null;
}

function summaryOf(arm: RevenueArm, metric: RevenueMetric): MeanSummary {
  const n = metric === 'revenue per visitor' ? arm.visitors : arm.conversions;
  return summaryFromSums(n, arm.revenue, arm.revenueSquares ?? 0);
}

/** The variant's mean against control's: Welch's test, both intervals and probability to beat. */
export function compareMeans(metric: RevenueMetric, control: MeanSummary, variant: MeanSummary, alpha = 0.05): Omit<MeanComparison, 'pValueAdjusted'> {
  const test = welchTest(control, variant, alpha);
  const se1 = control.sd / Math.sqrt(control.n);
  const se2 = variant.sd / Math.sqrt(variant.n);
  const se = Math.hypot(se1, se2);
  const z = -normalQuantile(alpha / 2);
  const positive = control.mean > 0 && variant.mean > 0;
  const center = positive ? Math.log(variant.mean / control.mean) : 0;
  const margin = positive ? z * Math.hypot(se1 / control.mean, se2 / variant.mean) : 0;
  return {
    metric,
    control: control.mean,
    variant: variant.mean,
    diff: test.diff,
    diffLow: test.ciLow,
    diffHigh: test.ciHigh,
    lift: control.mean > 0 ? variant.mean / control.mean - 1 : null,
    liftLow: positive ? Math.expm1(center - margin) : null,
    liftHigh: positive ? Math.expm1(center + margin) : null,
    df: test.df,
    pValue: test.pValue,
    probabilityToBeatControl: se > 0 ? normalCdf(test.diff / se) : test.diff > 0 ? 1 : test.diff < 0 ? 0 : 0.5,
  };
}

/** Why a metric cannot be tested on these arms, or null when it can. */
function untestable(metric: RevenueMetric, arms: readonly RevenueArm[]): string | null {
  if (arms.some((arm) => arm.revenueSquares === null)) {
    return `${metric} cannot be tested: the revenue sum of squares is missing, so the spread of revenue between visitors is unknown (a total alone has no variance)`;
  }
  const problem = arms.map(revenueSumsProblem).find((reason) => reason !== null);
  if (problem) return `${metric} cannot be tested: ${problem}`;
  const counts = arms.map((arm) => (metric === 'revenue per visitor' ? arm.visitors : arm.conversions));
  if (counts.some((n) => n < 2)) return `${metric} cannot be tested: an arm has fewer than 2 ${metric === 'revenue per visitor' ? 'visitors' : 'orders'}`;
  return null;
}

/** Compares every variant's revenue per visitor (or average order value) with control's. */
export function analyzeRevenue(metric: RevenueMetric, control: RevenueArm, variants: readonly RevenueArm[], alpha = 0.05): RevenueAnalysis {
  const reason = untestable(metric, [control, ...variants]);
  if (reason) return { ok: false, reason };
  const base = summaryOf(control, metric);
  const tests = variants.map((variant) => compareMeans(metric, base, summaryOf(variant, metric), alpha));
  const adjusted = holmAdjust(tests.map((test) => test.pValue));
  return { ok: true, variants: tests.map((test, i) => ({ ...test, pValueAdjusted: adjusted[i]! })) };
}
