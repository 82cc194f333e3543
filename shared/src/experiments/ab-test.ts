import { holmAdjust } from './holm';
import { probabilityToBeat } from './prob-beat';
import { srmTest, type SrmResult } from './srm';
import { twoProportionTest, type Arm } from './two-proportion';

// One experiment's comparison of every variant with control, as the results table, the stats card
// and `onbrand stats ab` show it. Defaults: α = 0.05, two-sided; Holm across this experiment's
// variants; SRM against the planned weights (equal split when none are given), alarm at p < 0.001.
// `lift`, `ciLow` and `ciHigh` are the relative lift (variant rate / control rate − 1) and its
// log-ratio interval; `diffLow`/`diffHigh` bound the absolute difference of rates.

export interface VariantResult {
  visitors: number;
  conversions: number;
  rate: number;
  lift: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  diff: number;
  diffLow: number;
  diffHigh: number;
  pValue: number;
  pValueAdjusted: number;
  probabilityToBeatControl: number;
  significant: boolean;
}

export interface AbResult {
  control: { visitors: number; conversions: number; rate: number };
  variants: VariantResult[];
  srm: SrmResult;
}

/** Compares each variant with control; `weights` lists the planned split, control first. */
export function analyzeAb(control: Arm, variants: readonly Arm[], alpha = 0.05, weights?: readonly number[]): AbResult {
  const tests = variants.map((variant) => twoProportionTest(control, variant, alpha));
  const adjusted = holmAdjust(tests.map((test) => test.pValue));
  return {
    control: { visitors: control.visitors, conversions: control.conversions, rate: control.conversions / control.visitors },
    variants: variants.map((variant, i) => {
      const test = tests[i];
      return {
        visitors: variant.visitors,
        conversions: variant.conversions,
        rate: test.rateVariant,
        lift: test.lift,
        ciLow: test.liftLow,
        ciHigh: test.liftHigh,
        diff: test.diff,
        diffLow: test.diffLow,
        diffHigh: test.diffHigh,
        pValue: test.pValue,
        pValueAdjusted: adjusted[i],
        probabilityToBeatControl: probabilityToBeat(control, variant),
        significant: adjusted[i] < alpha,
      };
    }),
    srm: srmTest([control.visitors, ...variants.map((v) => v.visitors)], weights),
  };
}
