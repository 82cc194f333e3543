import { normalQuantile, twoSidedNormalP } from './normal';

// Two-sided pooled two-proportion z-test (Fleiss et al. 2003, §2.5; equal to Pearson's χ² on the
// 2×2 table without continuity correction). Intervals are Wald intervals at level 1 − α:
// - the difference p2 − p1 uses the unpooled standard error √(p1(1−p1)/n1 + p2(1−p2)/n2);
// - the relative lift p2/p1 − 1 uses the log ratio (Katz et al. 1978):
//   exp(ln(p2/p1) ± z·√((1−p1)/(n1·p1) + (1−p2)/(n2·p2))) − 1, which never goes below −100%
//   and is undefined when either arm has no conversions.

export interface Arm {
  visitors: number;
  conversions: number;
}

export interface ProportionTest {
  rateControl: number;
  rateVariant: number;
  diff: number;
  z: number;
  pValue: number;
  diffLow: number;
  diffHigh: number;
  /** Relative lift of the variant over control; null when control has no conversions. */
  lift: number | null;
  liftLow: number | null;
  liftHigh: number | null;
}

/** Conversion rate of one arm. */
export function rate(arm: Arm): number {
  return arm.conversions / arm.visitors;
}

/** The pooled z statistic for variant minus control (0 when both rates are 0 or both 1). */
export function pooledZ(control: Arm, variant: Arm): number {
  const pooled = (control.conversions + variant.conversions) / (control.visitors + variant.visitors);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / control.visitors + 1 / variant.visitors));
  return se > 0 ? (rate(variant) - rate(control)) / se : 0;
}

/** Compares a variant with control: rates, difference, lift, their intervals and the two-sided p-value. */
export function twoProportionTest(control: Arm, variant: Arm, alpha = 0.05): ProportionTest {
  const p1 = rate(control);
  const p2 = rate(variant);
  const z = pooledZ(control, variant);
  const zCrit = normalQuantile(1 - alpha / 2);
  const seDiff = Math.sqrt((p1 * (1 - p1)) / control.visitors + (p2 * (1 - p2)) / variant.visitors);
  // The lift's interval by the log ratio; undefined when either arm has no conversions.
  const center = Math.log(p2 / p1);
  const margin = zCrit * Math.sqrt((1 - p1) / control.conversions + (1 - p2) / variant.conversions);
  const [liftLow, liftHigh] = p1 === 0 || p2 === 0 ? [null, null] : [Math.expm1(center - margin), Math.expm1(center + margin)];
  return {
    rateControl: p1,
    rateVariant: p2,
    diff: p2 - p1,
    z,
    pValue: twoSidedNormalP(z),
    diffLow: p2 - p1 - zCrit * seDiff,
    diffHigh: p2 - p1 + zCrit * seDiff,
    lift: p1 > 0 ? p2 / p1 - 1 : null,
    liftLow,
    liftHigh,
  };
}
