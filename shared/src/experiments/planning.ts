import type { Parsed } from '../issues';
import { checkCount } from './checks';
import { normalQuantile } from './normal';
import { defaultAlpha, defaultPower, sampleSizePerArm, type SampleSizeInput } from './sample-size';

// Planning an experiment of two or more arms, and what a use case's traffic can detect.
//
// Multi-arm sizing. The analysis compares every variant with control and corrects with Holm. Holm's
// first step tests the smallest p-value at α/(k − 1), Bonferroni's level, and every later step at a
// level at least as large, so Holm rejects every hypothesis Bonferroni rejects. A plan sized for
// each comparison at α/(k − 1) therefore has at least its planned power for each variant, whatever
// the other variants do. That is the sizing chosen: exact to argue, a little conservative (when
// other variants also work, Holm's later steps are easier to pass), and it is what the analysis can
// promise. Sizing at α instead would leave a 3-arm test with about 71% power where 80% was planned
// (test/shared/experiments/planning.test.ts simulates both).
//
// Detectability. With w weeks of a use case's weekly traffic T split evenly over two arms, each arm
// has n = ⌊T·w/2⌋ visitors; the smallest detectable relative lift is the one for which the
// sample-size formula (sample-size.ts) needs exactly n, found by bisection. A use case is
// measurable in a quarter when the lift it is worth (its expected lift, else the insight's winning
// lift) needs at most 13 weeks. Its detectability rating (5: ≤ 2 weeks, 4: ≤ 4, 3: ≤ 8, 2: ≤ 13,
// 1: more than a quarter) caps the feasibility rating the qualification score uses: a use case is no
// more feasible than it is measurable.

export interface ArmPlan {
  arms: number;
  alpha: number;
  power: number;
  /** The level each comparison is sized at: α/(arms − 1). */
  alphaPerComparison: number;
  perArm: number;
  total: number;
  /** The same test with two arms, for comparison. */
  twoArmTotal: number;
  /** Visitors beyond the two-arm test. */
  extraVisitors: number;
  /** Visitors the last arm adds over a plan with one arm fewer (0 for two arms). */
  lastArmCost: number;
}

/** Visitors per arm and in total for `arms` arms, each comparison sized for Holm's correction. */
export function planArms(input: SampleSizeInput & { arms: number }): Parsed<ArmPlan> {
  const arms = input.arms;
  const armIssues = checkCount('arms', arms, 'the number of arms', 2);
  if (armIssues.length > 0) return { ok: false, issues: armIssues.map((issue) => ({ ...issue, message: issue.message.replace(/must be at least 2/, 'must be at least 2 (control and one variant)') })) };
  const alpha = input.alpha ?? defaultAlpha;
  const sized = (k: number) => sampleSizePerArm({ ...input, alpha: alpha / (k - 1) });
  const own = sized(arms);
  if (!own.ok) return own;
  const two = sized(2);
  const fewer = arms > 2 ? sized(arms - 1) : two;
  if (!two.ok || !fewer.ok) return two.ok ? (fewer as Parsed<never>) : (two as Parsed<never>);
  const total = own.value.perVariant * arms;
  const twoArmTotal = two.value.perVariant * 2;
  const fewerTotal = arms > 2 ? fewer.value.perVariant * (arms - 1) : total;
  return {
    ok: true,
    value: { arms, alpha, power: own.value.power, alphaPerComparison: alpha / (arms - 1), perArm: own.value.perVariant, total, twoArmTotal, extraVisitors: total - twoArmTotal, lastArmCost: total - fewerTotal },
  };
}

/** The per-arm sample the sample-size formula needs for a target rate p2, before rounding up. */
function neededPerArm(p1: number, p2: number, zAlpha: number, zBeta: number): number {
  const pBar = (p1 + p2) / 2;
  const root = zAlpha * Math.sqrt(2 * pBar * (1 - pBar)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return (root * root) / ((p2 - p1) * (p2 - p1));
}

/**
 * The smallest relative lift that `perArm` visitors in each of two arms detect at α (two-sided)
 * and power; null when even a rate of 100% would not be detected.
 */
export function detectableLift(baseline: number, perArm: number, alpha = defaultAlpha, power = defaultPower): number | null {
  const zAlpha = -normalQuantile(alpha / 2);
  const zBeta = normalQuantile(power);
  let high = 1 - 1e-12;
  if (!(perArm >= 1) || neededPerArm(baseline, high, zAlpha, zBeta) > perArm) return null;
  let low = baseline;
  // The need falls as the target rate rises away from the baseline; bisect to full precision.
  for (let i = 0; i < 200 && high - low > 1e-16 * high; i++) {
    const mid = (low + high) / 2;
    if (neededPerArm(baseline, mid, zAlpha, zBeta) > perArm) low = mid;
    else high = mid;
  }
  return (low + high) / 2 / baseline - 1;
}

export const detectabilityWeeks = [2, 4, 8] as const;
export const quarterWeeks = 13;

export interface Detectability {
  /** The smallest detectable lift in 2, 4 and 8 weeks (null: not detectable at all). */
  lifts: { weeks: number; lift: number | null }[];
  /** The smallest detectable lift in a quarter. */
  quarterLift: number | null;
  /** The lift the use case is judged against. */
  targetLift: number;
  /** Whole weeks to detect the target lift; Infinity when no amount of traffic would. */
  weeksNeeded: number;
  measurableInQuarter: boolean;
  /** 1–5, as the feasibility rating: 5 within 2 weeks, 1 beyond a quarter. */
  rating: number;
  /** One sentence: what the traffic can detect and whether it is measurable in a quarter. */
  text: string;
}

function ratingFor(weeks: number): number {
  if (weeks <= 2) return 5;
  if (weeks <= 4) return 4;
  if (weeks <= 8) return 3;
  if (weeks <= quarterWeeks) return 2;
  return 1;
}

/** What a use case with this weekly traffic and baseline rate can measure, at α and power. */
export function detectability(baseline: number, weeklyTraffic: number, targetLift: number, alpha = defaultAlpha, power = defaultPower): Detectability {
  const liftIn = (weeks: number) => detectableLift(baseline, Math.floor((weeklyTraffic * weeks) / 2), alpha, power);
  const lifts = detectabilityWeeks.map((weeks) => ({ weeks, lift: liftIn(weeks) }));
  const needed = sampleSizePerArm({ baseline, mde: targetLift, alpha, power });
  const weeksNeeded = needed.ok && weeklyTraffic > 0 ? Math.ceil((2 * needed.value.perVariant) / weeklyTraffic) : Infinity;
  const measurableInQuarter = weeksNeeded <= quarterWeeks;
  const pct = (lift: number | null) => (lift === null ? 'no lift' : `+${(lift * 100).toFixed(1)}%`);
  const span = lifts.map(({ weeks, lift }) => `${pct(lift)} in ${weeks} weeks`).join(', ');
  const target = `+${(targetLift * 100).toFixed(1)}%`;
  const verdict = measurableInQuarter
    ? `a ${target} lift needs ${weeksNeeded} ${weeksNeeded === 1 ? 'week' : 'weeks'}`
    : `cannot be measured in a quarter: a ${target} lift needs ${Number.isFinite(weeksNeeded) ? `${weeksNeeded} weeks` : 'more traffic than any number of weeks gives'}, and 13 weeks detect only ${pct(liftIn(quarterWeeks))}`;
  return { lifts, quarterLift: liftIn(quarterWeeks), targetLift, weeksNeeded, measurableInQuarter, rating: ratingFor(weeksNeeded), text: `Detectable: ${span}; ${verdict}.` };
}
