import { pText, probability, signedPercent } from './format';
import type { GuardrailResult } from './guardrails';
import type { PeekingCheck } from './peeking';

// The decision rule, applied in this order (α is the caller's, 0.05 by default):
// 1. SRM alarm (p < 0.001): iterate — the split is broken, so no number can be trusted.
// 2. A variant with positive lift and Holm-adjusted p < α: scale it (the largest lift wins),
//    unless the planned sample is not reached yet: keep running (a peeked win is often a false alarm).
//    A winner that significantly harms a guardrail metric is not scaled: the best winner without
//    harm is; when every winner harms one, iterate (fix what the variant breaks, then rerun).
// 3. Every variant worse than control with adjusted p < α: stop — even early, as harm is not
//    worth waiting for.
// 4. Nothing significant before the planned sample: keep running.
// 5. Nothing significant at the planned sample: stop when every variant's lift interval lies below
//    the MDE (the effect worth having is ruled out); otherwise iterate (inconclusive: rework the
//    idea or rerun with more traffic).

export type DecisionOutcome = 'scale' | 'iterate' | 'stop' | 'keep-running';

/** One variant as the results table compares it with control; the lift interval is ciLow–ciHigh. */
export interface VariantEvidence {
  arm: string;
  lift: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  pValueAdjusted: number;
  probabilityToBeatControl: number;
}

export interface DecisionInput {
  variants: readonly VariantEvidence[];
  srmMismatch: boolean;
  /** Absent when no planned sample is known: the sample then counts as reached. */
  peeking?: PeekingCheck;
  alpha?: number;
  /** The relative lift worth having; 0 when unknown. */
  mde?: number;
  /** Every variant's guardrail checks; none when the experiment names no guardrail. */
  guardrails?: readonly GuardrailResult[];
}

export interface Decision {
  decision: DecisionOutcome;
  /** The variant the decision is about, when one stands out. */
  variant?: string;
  reasons: string[];
}

function evidence(v: VariantEvidence): string {
  const interval = v.ciLow !== null && v.ciHigh !== null ? ` (interval ${signedPercent(v.ciLow)} to ${signedPercent(v.ciHigh)})` : '';
  const lift = v.lift === null ? 'an undefined lift' : `a lift of ${signedPercent(v.lift)}`;
  return `${v.arm} shows ${lift}${interval}, ${pText(v.pValueAdjusted)} after Holm's correction, ${probability(v.probabilityToBeatControl)} chance to beat control.`;
}

/** The variant's lift has the given sign and its adjusted p-value clears α. */
function significant(v: VariantEvidence, alpha: number, sign: 1 | -1): boolean {
  return v.pValueAdjusted < alpha && v.lift !== null && Math.sign(v.lift) === sign;
}

/** Scale, iterate, stop or keep running, with the reasons in plain words. */
export function decide(input: DecisionInput): Decision {
  const alpha = input.alpha ?? 0.05;
  const mde = input.mde ?? 0;
  const early = input.peeking?.peeking === true;
  const variants = input.variants;
  // Every variant's evidence, then the conclusion.
  const allEvidence = (conclusion: string) => [...variants.map(evidence), conclusion];
  if (input.srmMismatch) {
    return { decision: 'iterate', reasons: ['The traffic split does not match the plan (sample ratio mismatch), so these numbers cannot be trusted. Fix the assignment or tracking and restart.'] };
  }
  if (variants.length === 0) return { decision: 'keep-running', reasons: ['There is no variant to compare with control yet.'] };
  const wins = variants.filter((v) => significant(v, alpha, 1)).sort((x, y) => (y.lift ?? 0) - (x.lift ?? 0));
  if (wins.length > 0) {
    const harms = (arm: string) => (input.guardrails ?? []).filter((g) => g.arm === arm && g.status === 'harmed');
    const unchecked = (arm: string) => (input.guardrails ?? []).filter((g) => g.arm === arm && g.status === 'unchecked').map((g) => g.text);
    const best = wins.find((v) => harms(v.arm).length === 0);
    if (!best) {
      const first = wins[0];
      return { decision: 'iterate', variant: first.arm, reasons: [evidence(first), ...harms(first.arm).map((g) => g.text), `${first.arm} wins on the primary metric but harms a guardrail, so it is not scaled: fix what it breaks and rerun.`] };
    }
    if (early) return { decision: 'keep-running', variant: best.arm, reasons: [evidence(best), input.peeking!.message] };
    const passed = (input.guardrails ?? []).some((g) => g.arm === best.arm && g.status === 'ok') ? ' and harms no guardrail' : '';
    return { decision: 'scale', variant: best.arm, reasons: [evidence(best), `It beats control at α = ${alpha}${passed}.`, ...unchecked(best.arm)] };
  }
  if (variants.every((v) => significant(v, alpha, -1))) {
    return { decision: 'stop', reasons: allEvidence('Every variant does worse than control.') };
  }
  if (early) return { decision: 'keep-running', reasons: ['No variant differs from control yet.', input.peeking!.message] };
  const ruledOut = variants.every((v) => v.ciHigh !== null && v.ciHigh < mde);
  if (ruledOut) {
    return { decision: 'stop', reasons: allEvidence(`No variant can reach the ${signedPercent(mde)} lift that was worth having.`) };
  }
  return { decision: 'iterate', reasons: allEvidence(`Inconclusive at α = ${alpha}: rework the idea or rerun with more traffic.`) };
}
