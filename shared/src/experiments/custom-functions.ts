import { readAll, readCountCell, type CellRead } from './cells';
import { readSampleSizeCells } from './design-table';
import { twoSidedNormalP } from './normal';
import { probabilityToBeat } from './prob-beat';
import { detectableLift, planArms } from './planning';
import { readOptional } from './cells';
import { qualificationScore, readRatings } from './scoring';
import { pooledZ, rate, type Arm } from './two-proportion';

// The pure bodies of the spreadsheet's custom functions (ONBRAND_SAMPLE_SIZE, ONBRAND_PVALUE,
// ONBRAND_LIFT, ONBRAND_PROB_BEAT, ONBRAND_SCORE). Sheets passes one cell as a value and a range
// as rows of values; each function works element-wise, with single cells repeated across ranges,
// and answers a bad cell with "Error: …" in that cell instead of failing the whole range.

export type CustomValue = number | string;
export type CustomResult = CustomValue | CustomValue[][];

type CellFunction = (...cells: unknown[]) => CustomValue;

function errorText(reason: string): string {
  return `Error: ${reason}`;
}

/** Applies a cell function element-wise over values and equally shaped ranges. */
export function overCells(args: readonly unknown[], fn: CellFunction): CustomResult {
  const ranges = args.filter((arg): arg is unknown[][] => Array.isArray(arg));
  if (ranges.length === 0) return fn(...args);
  const rows = ranges[0].length;
  const cols = Array.isArray(ranges[0][0]) ? ranges[0][0].length : 0;
  if (ranges.some((range) => range.length !== rows || range.some((row) => !Array.isArray(row) || row.length !== cols))) {
    return errorText('the ranges must all be the same size');
  }
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => fn(...args.map((arg) => (Array.isArray(arg) ? (arg as unknown[][])[r][c] : arg)))));
}

function readArms(va: unknown, ca: unknown, vb: unknown, cb: unknown): CellRead<[Arm, Arm]> {
  const read = readAll({ va: readCountCell(va, 'visitors A'), ca: readCountCell(ca, 'conversions A'), vb: readCountCell(vb, 'visitors B'), cb: readCountCell(cb, 'conversions B') });
  if (!read.ok) return { ok: false, reason: read.reasons[0]! };
  const { va: visitorsA, ca: conversionsA, vb: visitorsB, cb: conversionsB } = read.value;
  if (visitorsA === 0 || visitorsB === 0) return { ok: false, reason: `arm ${visitorsA === 0 ? 'A' : 'B'} has no visitors` };
  if (conversionsA > visitorsA) return { ok: false, reason: `conversions A (${conversionsA}) exceed visitors A (${visitorsA})` };
  if (conversionsB > visitorsB) return { ok: false, reason: `conversions B (${conversionsB}) exceed visitors B (${visitorsB})` };
  return { ok: true, value: [{ visitors: visitorsA, conversions: conversionsA }, { visitors: visitorsB, conversions: conversionsB }] };
}

/** A custom function over two arms' visitors and conversions, A (control) then B. */
function armFunction(compute: (control: Arm, variant: Arm) => CustomValue) {
  return (visitorsA: unknown, conversionsA: unknown, visitorsB: unknown, conversionsB: unknown): CustomResult =>
    overCells([visitorsA, conversionsA, visitorsB, conversionsB], (va, ca, vb, cb) => {
      const read = readArms(va, ca, vb, cb);
      return read.ok ? compute(...read.value) : errorText(read.reason);
    });
}

/** Visitors per arm for a baseline rate and a relative MDE (α 0.05, power 0.8, 2 arms unless given); 3+ arms are sized for Holm. */
export function sampleSizeCells(baseline: unknown, mde: unknown, alpha?: unknown, power?: unknown, arms?: unknown): CustomResult {
  return overCells([baseline, mde, alpha, power, arms], (b, m, a, p, k) => {
    const read = readAll({ ...readSampleSizeCells(b, m, a, p), arms: readOptional(k, 2, 'arms', readCountCell) });
    if (!read.ok) return errorText(read.reasons[0]!);
    const result = planArms(read.value);
    return result.ok ? result.value.perArm : errorText(result.issues.map((issue) => issue.message).join('; '));
  });
}

/** The smallest relative lift a number of visitors per arm detects (α 0.05, power 0.8 unless given). */
export function detectableLiftCells(baseline: unknown, visitorsPerArm: unknown, alpha?: unknown, power?: unknown): CustomResult {
  return overCells([baseline, visitorsPerArm, alpha, power], (b, n, a, p) => {
    const read = readAll({ ...readSampleSizeCells(b, 1, a, p), perArm: readCountCell(n, 'visitors per arm') });
    if (!read.ok) return errorText(read.reasons[0]!);
    const { baseline: rate, perArm, alpha: level, power: wanted } = read.value;
    if (!(rate > 0 && rate < 1)) return errorText(`the baseline rate must be between 0 and 1 (exclusive), got ${rate}`);
    if (!(level > 0 && level < 1) || !(wanted > 0 && wanted < 1)) return errorText('alpha and power must be between 0 and 1 (exclusive)');
    const lift = detectableLift(rate, perArm, level, wanted);
    return lift === null ? errorText(`${perArm} visitors per arm cannot detect any lift on a ${rate} baseline`) : lift;
  });
}

// Each cell computes only what it shows: these run per cell on every recalculation.

/** Two-sided pooled z-test p-value of B against A. */
export const pValueCells = armFunction((a, b) => twoSidedNormalP(pooledZ(a, b)));

/** Relative lift of B's rate over A's. */
export const liftCells = armFunction((a, b) => (rate(a) > 0 ? rate(b) / rate(a) - 1 : errorText('A has no conversions, so a relative lift is undefined')));

/** Probability that B's true rate beats A's (Beta posteriors, uniform priors). */
export const probBeatCells = armFunction(probabilityToBeat);

/** The 0–100 qualification score with the default weights. */
export function scoreCells(impact: unknown, feasibility: unknown, risk: unknown, readiness: unknown): CustomResult {
  return overCells([impact, feasibility, risk, readiness], (i, f, r, d) => {
    const read = readAll(readRatings(i, f, r, d));
    return read.ok ? qualificationScore(read.value) : errorText(read.reasons[0]!);
  });
}
