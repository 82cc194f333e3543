import type { Parsed } from '../issues';
import { checkOpenUnit } from './checks';
import { normalQuantile } from './normal';

// Sample size per arm for comparing two proportions, two-sided, equal arms
// (Fleiss, Levin & Paik, "Statistical Methods for Rates and Proportions", 3rd ed., eq. 4.14;
// Chow, Shao & Wang, "Sample Size Calculations in Clinical Research", §4.2):
//   n = ceil( (z_{1−α/2}·√(2·p̄(1−p̄)) + z_{1−β}·√(p1(1−p1) + p2(1−p2)))² / (p2 − p1)² ),  p̄ = (p1 + p2)/2.
// Defaults: α = 0.05 two-sided, power 1 − β = 0.8.

export const defaultAlpha = 0.05;
export const defaultPower = 0.8;

export interface SampleSizeInput {
  /** Baseline conversion rate p1, in (0, 1). */
  baseline: number;
  /** Minimum detectable effect: relative (p2 = p1·(1 + mde)) unless `absolute` (p2 = p1 + mde). */
  mde: number;
  absolute?: boolean;
  alpha?: number;
  power?: number;
}

export interface SampleSize {
  perVariant: number;
  p1: number;
  p2: number;
  alpha: number;
  power: number;
}

/** Visitors needed per arm to detect the MDE with the given α and power; bad inputs come back as issues. */
export function sampleSizePerArm(input: SampleSizeInput): Parsed<SampleSize> {
  const alpha = input.alpha ?? defaultAlpha;
  const power = input.power ?? defaultPower;
  const p1 = input.baseline;
  const p2 = input.absolute ? p1 + input.mde : p1 * (1 + input.mde);
  const issues = [
    ...checkOpenUnit('baseline', p1, 'the baseline rate'),
    ...checkOpenUnit('alpha', alpha, 'alpha'),
    ...checkOpenUnit('power', power, 'power'),
  ];
  if (issues.length === 0) issues.push(...checkOpenUnit('mde', p2, 'the target rate (baseline with the MDE applied)'));
  if (issues.length === 0 && p2 === p1) issues.push({ path: 'mde', message: 'the MDE must not be zero' });
  if (issues.length > 0) return { ok: false, issues };
  const pBar = (p1 + p2) / 2;
  // From the lower tail: 1 − α/2 rounds to 1 for tiny α (1e-300), where the quantile would be Infinity.
  const zAlpha = -normalQuantile(alpha / 2);
  const zBeta = normalQuantile(power);
  const root = zAlpha * Math.sqrt(2 * pBar * (1 - pBar)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  const perVariant = Math.ceil((root * root) / ((p2 - p1) * (p2 - p1)));
  if (!Number.isSafeInteger(perVariant)) return { ok: false, issues: [{ path: 'mde', message: `the sample needed is beyond ${Number.MAX_SAFE_INTEGER} visitors per arm; use a larger MDE, alpha or smaller power` }] };
  return { ok: true, value: { perVariant, p1, p2, alpha, power } };
}
