import { cellText, detectableLiftCells, isBlankCell, liftCells, pValueCells, probBeatCells, sampleSizeCells, scoreCells, type CustomResult } from '@onbrand/shared/experiments';
import type { BrandKit } from '@onbrand/shared/kit';
import { lintText } from '@onbrand/shared/lint';
import { parseKitJson } from '@onbrand/shared/kit';
import { readStoredKit } from '@onbrand/apps-script/server';

// Sheets custom functions. They use no service that needs authorization (ONBRAND_LINT only reads
// the file's saved kit from document properties), so they run for anyone who opens the file, and
// Sheets may cache them. Each takes a cell or a range and answers
// element-wise; a bad cell answers "Error: …" in its own place. The build copies each JSDoc block
// onto a top-level stub so Sheets autocompletes the function.

/**
 * Visitors needed per arm to detect a relative lift (two-sided test of two proportions).
 *
 * @param {number|Array<Array<number>>} baseline The control's conversion rate, e.g. 0.04, or a range of them.
 * @param {number|Array<Array<number>>} mde The relative lift worth detecting, e.g. 0.1 for +10%.
 * @param {number} [alpha] Significance level, 0.05 when left out.
 * @param {number} [power] Power, 0.8 when left out.
 * @param {number} [arms] Arms including control, 2 when left out; with 3 or more each comparison is sized at alpha ÷ (arms − 1), for the Holm correction the analysis applies.
 * @return {number|Array<Array<number>>} Visitors per arm.
 * @customfunction
 */
export function ONBRAND_SAMPLE_SIZE(baseline: unknown, mde: unknown, alpha?: unknown, power?: unknown, arms?: unknown): CustomResult {
  return sampleSizeCells(baseline, mde, alpha, power, arms);
}

/**
 * The smallest relative lift a test with this many visitors per arm detects (two arms, two-sided).
 *
 * @param {number|Array<Array<number>>} baseline The control's conversion rate, e.g. 0.04.
 * @param {number|Array<Array<number>>} visitorsPerArm Visitors in each arm, e.g. weekly traffic × weeks ÷ 2.
 * @param {number} [alpha] Significance level, 0.05 when left out.
 * @param {number} [power] Power, 0.8 when left out.
 * @return {number|Array<Array<number>>} The lift, e.g. 0.12 for +12%.
 * @customfunction
 */
export function ONBRAND_DETECTABLE_LIFT(baseline: unknown, visitorsPerArm: unknown, alpha?: unknown, power?: unknown): CustomResult {
  return detectableLiftCells(baseline, visitorsPerArm, alpha, power);
}

/**
 * Two-sided p-value of B against A (pooled z-test of two proportions).
 *
 * @param {number|Array<Array<number>>} visitorsA Visitors in A (control).
 * @param {number|Array<Array<number>>} convA Conversions in A.
 * @param {number|Array<Array<number>>} visitorsB Visitors in B (variant).
 * @param {number|Array<Array<number>>} convB Conversions in B.
 * @return {number|Array<Array<number>>} The p-value.
 * @customfunction
 */
export function ONBRAND_PVALUE(visitorsA: unknown, convA: unknown, visitorsB: unknown, convB: unknown): CustomResult {
  return pValueCells(visitorsA, convA, visitorsB, convB);
}

/**
 * Relative lift of B's conversion rate over A's: rate B ÷ rate A − 1.
 *
 * @param {number|Array<Array<number>>} visitorsA Visitors in A (control).
 * @param {number|Array<Array<number>>} convA Conversions in A.
 * @param {number|Array<Array<number>>} visitorsB Visitors in B (variant).
 * @param {number|Array<Array<number>>} convB Conversions in B.
 * @return {number|Array<Array<number>>} The lift, e.g. 0.12 for +12%.
 * @customfunction
 */
export function ONBRAND_LIFT(visitorsA: unknown, convA: unknown, visitorsB: unknown, convB: unknown): CustomResult {
  return liftCells(visitorsA, convA, visitorsB, convB);
}

/**
 * Probability that B's true conversion rate beats A's (Bayesian, uniform priors).
 *
 * @param {number|Array<Array<number>>} visitorsA Visitors in A (control).
 * @param {number|Array<Array<number>>} convA Conversions in A.
 * @param {number|Array<Array<number>>} visitorsB Visitors in B (variant).
 * @param {number|Array<Array<number>>} convB Conversions in B.
 * @return {number|Array<Array<number>>} A probability from 0 to 1.
 * @customfunction
 */
export function ONBRAND_PROB_BEAT(visitorsA: unknown, convA: unknown, visitorsB: unknown, convB: unknown): CustomResult {
  return probBeatCells(visitorsA, convA, visitorsB, convB);
}

/**
 * The 0–100 qualification score of a use case, with the default weights (impact 0.4, feasibility 0.25, readiness 0.2, risk 0.15).
 *
 * @param {number|Array<Array<number>>} impact Impact, 1 to 5.
 * @param {number|Array<Array<number>>} feasibility Feasibility, 1 to 5.
 * @param {number|Array<Array<number>>} risk Risk, 1 (low) to 5 (high).
 * @param {number|Array<Array<number>>} readiness Data readiness, 1 to 5.
 * @return {number|Array<Array<number>>} The score from 0 to 100.
 * @customfunction
 */
export function ONBRAND_SCORE(impact: unknown, feasibility: unknown, risk: unknown, readiness: unknown): CustomResult {
  return scoreCells(impact, feasibility, risk, readiness);
}

// A kit is parsed once per execution, however many cells use it.
const kits = new Map<string, { kit: BrandKit } | { error: string }>();

// Sheets' limit on the text in one cell: a kit longer than this cannot be given as a cell.
// (Plain comments here: the build copies the /** block before each exported function.)
const cellLimit = 50_000;

function kitFrom(json: string): { kit: BrandKit } | { error: string } {
  let entry = kits.get(json);
  if (!entry) {
    const parsed = parseKitJson(json);
    entry = parsed.ok
      ? { kit: parsed.value }
      : json.length >= cellLimit
        ? { error: `Error: the brand kit in that cell is cut off at ${cellLimit.toLocaleString('en-US')} characters, the most a Sheets cell holds. Save the kit from the sidebar (Settings › Brand kit) and leave the kit out: =ONBRAND_LINT(A2)` }
        : { error: `Error: the brand kit is not valid (${parsed.issues[0]!.path}: ${parsed.issues[0]!.message})` };
    kits.set(json, entry);
  }
  return entry;
}

// The kit saved for this file from the sidebar, read once per execution.
let savedKit: { kit: BrandKit } | { error: string } | undefined;
function fileKit(): { kit: BrandKit } | { error: string } {
  savedKit ??= (() => {
    const stored = readStoredKit(['document']);
    return stored ? { kit: stored.kit } : { error: 'Error: no brand kit for this file. Save one from the sidebar (Settings › Brand kit), or give it: =ONBRAND_LINT(A2, "", OnbrandKit)' };
  })();
  return savedKit;
}

/**
 * Brand-checks copy: for each cell, its brand-fit score (0–100) and its first finding, side by side.
 *
 * @param {string|Array<Array<string>>} text The copy, or a column of copy.
 * @param {string} [channel] The kit channel, e.g. "email-subject"; blank for none.
 * @param {string} [kit] The brand kit JSON, e.g. the named range OnbrandKit on the Settings sheet; left out, the kit saved for this file from the sidebar.
 * @return {Array<Array<string|number>>} One row per cell: score, first finding.
 * @customfunction
 */
export function ONBRAND_LINT(text: unknown, channel?: unknown, kit?: unknown): (string | number)[][] {
  const kitJson = cellText(Array.isArray(kit) ? kit[0]?.[0] : kit);
  const loaded = kitJson === '' ? fileKit() : kitFrom(kitJson);
  if ('error' in loaded) return [[loaded.error, '']];
  const options = isBlankCell(channel) ? {} : { channel: cellText(channel) };
  const cells = Array.isArray(text) ? (text as unknown[][]).flat() : [text];
  return cells.map((cell) => {
    const copy = cellText(cell);
    if (copy === '') return ['', ''];
    const result = lintText(copy, loaded.kit, options);
    return [result.score, result.findings[0]?.message ?? 'On brand'];
  });
}
