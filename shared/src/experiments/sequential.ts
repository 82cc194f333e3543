import { rate, type Arm } from './two-proportion';

// Always-valid inference for the difference in conversion rates (variant − control), so a running
// experiment can be read at every look without inflating false positives.
//
// Method: the asymptotic confidence sequence of Waudby-Smith, Arbour, Sinha, Kennedy & Ramdas
// (2023, "Time-uniform central limit theory and asymptotic confidence sequences", Thm 2.2), which
// is Robbins' two-sided normal mixture applied to the estimate's variance:
//   d̂ₙ ± σ̂ₙ · √( 2(nρ² + 1) / (n²ρ²) · ln( √(nρ² + 1) / α ) ),
// with n the visitors of both arms, σ̂ₙ² = n · (p̂₁(1−p̂₁)/n₁ + p̂₂(1−p̂₂)/n₂) the per-visitor variance
// of the difference, and ρ the mixture's tuning parameter. We tune ρ so the sequence is narrowest
// at the planned sample, n* = 2 × planned visitors per arm (the paper's optimal choice, §B.2):
//   ρ² = (−2 ln α + ln(−2 ln α + 1)) / n*.
// Inverting the bound gives the always-valid p-value √(nρ²+1) · exp(−d̂² n²ρ² / (2σ̂²(nρ²+1))).
// Across looks the interval is the running intersection and the p-value the running minimum,
// both still valid at level α (the sequence holds at every n at once). With several variants each
// comparison is made at α / (variants) (Bonferroni), which keeps the family's error at α at every look.

export interface SequentialResult {
  /** Variant rate minus control rate. */
  difference: number;
  low: number;
  high: number;
  /** Always-valid two-sided p-value for no difference. */
  pValue: number;
}

/** ρ² for a sequence narrowest at `plannedTotal` visitors (both arms together). */
export function sequentialTuning(alpha: number, plannedTotal: number): number {
  const l = -2 * Math.log(alpha);
  return (l + Math.log(l + 1)) / plannedTotal;
}

/**
 * The always-valid interval and p-value for variant − control at level 1 − α, or null when the
 * data cannot say anything yet (an empty arm, or no variation in either arm).
 */
export function confidenceSequence(control: Arm, variant: Arm, alpha: number, plannedTotal: number): SequentialResult | null {
  if (control.visitors <= 0 || variant.visitors <= 0) return null;
  const p1 = rate(control);
  const p2 = rate(variant);
  const n = control.visitors + variant.visitors;
  // The variance of the difference; its per-visitor version is n × this.
  const variance = (p1 * (1 - p1)) / control.visitors + (p2 * (1 - p2)) / variant.visitors;
  if (!(variance > 0)) return null;
  const rho2 = sequentialTuning(alpha, plannedTotal);
  const growth = n * rho2 + 1;
  const half = Math.sqrt(((variance * 2 * growth) / (n * rho2)) * Math.log(Math.sqrt(growth) / alpha));
  const difference = p2 - p1;
  const pValue = Math.min(1, Math.sqrt(growth) * Math.exp((-difference * difference * n * rho2) / (2 * variance * growth)));
  return { difference, low: difference - half, high: difference + half, pValue };
}

/** The result at each look so far: the running intersection of intervals and the running minimum p-value. */
export function sequentialOverLooks(looks: readonly { control: Arm; variant: Arm }[], alpha: number, plannedTotal: number): (SequentialResult | null)[] {
  let running: SequentialResult | null = null;
  return looks.map(({ control, variant }) => {
    const now = confidenceSequence(control, variant, alpha, plannedTotal);
    if (!now) return running;
    running = running
      ? { difference: now.difference, low: Math.max(running.low, now.low), high: Math.min(running.high, now.high), pValue: Math.min(running.pValue, now.pValue) }
      : now;
    // Rare: two valid intervals that do not overlap. The latest stands, rather than an empty interval.
    if (running.low > running.high) running = { ...now, pValue: running.pValue };
    return running;
  });
}
