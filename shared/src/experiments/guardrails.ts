import { percent, pText, signedPercent } from './format';
import type { RevenueAnalysis } from './revenue';
import { twoProportionTest } from './two-proportion';

// Guardrail metrics: what a winning variant must not make worse. An experiment names them in its
// "Guardrail metrics" cell, separated by commas, semicolons or new lines. Three are computed from
// the Results sheet's own columns: revenue per visitor ("revenue per visitor", "RPV", "revenue"),
// average order value ("average order value", "AOV") and conversion ("conversion", "conversion
// rate"); for them a fall is harm. Any other name is a count of visitors who did something to be
// avoided (unsubscribes, complaints, refunds) read from a Results column of that name, or of that
// name without " rate", or with an "s" ("unsubscribe rate" reads "Unsubscribe rate",
// "Unsubscribe" or "Unsubscribes"); for them a rise is harm.
// A guardrail is harmed when the variant moves it the wrong way with an unadjusted two-sided
// p < α. No multiplicity correction is applied on purpose: a guardrail is there to catch harm, so
// it errs towards raising the alarm (a correction would hide harm behind the number of metrics).

export type GuardrailKind = 'revenue per visitor' | 'average order value' | 'conversion' | 'count';

export interface GuardrailResult {
  arm: string;
  metric: string;
  /** harmed: significantly worse; ok: checked and not significantly worse; unchecked: no data. */
  status: 'harmed' | 'ok' | 'unchecked';
  lift: number | null;
  pValue: number | null;
  /** One plain sentence, naming the arm, metric and figures or why it was not checked. */
  text: string;
}

const builtIn: Record<string, GuardrailKind> = {
  'revenue per visitor': 'revenue per visitor',
  rpv: 'revenue per visitor',
  revenue: 'revenue per visitor',
  'average order value': 'average order value',
  aov: 'average order value',
  conversion: 'conversion',
  'conversion rate': 'conversion',
};

/** The guardrail names in an Experiments cell, in order, without repeats. */
export function parseGuardrails(text: string): string[] {
  const names = text.split(/[,;\n]/).map((part) => part.trim()).filter(Boolean);
  return [...new Map(names.map((name) => [name.toLowerCase(), name])).values()];
}

/** How a guardrail is measured: one of the built-in metrics, or a count column. */
export function guardrailKind(name: string): GuardrailKind {
  return builtIn[name.trim().toLowerCase()] ?? 'count';
}

/** The count column a guardrail reads, among the column names given (lower case), or null. */
export function guardrailColumn(name: string, columns: readonly string[]): string | null {
  const base = name.trim().toLowerCase();
  const stem = base.replace(/ rate$/, '');
  return [base, stem, `${stem}s`].find((candidate) => columns.includes(candidate)) ?? null;
}

/** The arms' counts for a count guardrail: visitors and the events to avoid. */
export interface CountArm {
  arm: string;
  visitors: number;
  /** null when the row has no count for this guardrail. */
  count: number | null;
}

function result(arm: string, metric: string, status: GuardrailResult['status'], lift: number | null, pValue: number | null, text: string): GuardrailResult {
  return { arm, metric, status, lift, pValue, text };
}

/** Checks a count guardrail (a rise is harm) for each variant against control. */
export function checkCountGuardrail(metric: string, control: CountArm, variants: readonly CountArm[], alpha: number): GuardrailResult[] {
  return variants.map((variant) => {
    if (control.count === null || variant.count === null) return result(variant.arm, metric, 'unchecked', null, null, `${variant.arm}'s ${metric} was not checked: the Results sheet has no count for it on every row.`);
    if (control.count > control.visitors || variant.count > variant.visitors) return result(variant.arm, metric, 'unchecked', null, null, `${variant.arm}'s ${metric} was not checked: its count exceeds the visitors.`);
    const test = twoProportionTest({ visitors: control.visitors, conversions: control.count }, { visitors: variant.visitors, conversions: variant.count }, alpha);
    const harmed = test.diff > 0 && test.pValue < alpha;
    const lift = test.lift;
    const change = lift === null ? `${percent(test.rateVariant, 2)} against none in control` : signedPercent(lift);
    const rise = lift === null ? `to ${percent(test.rateVariant, 2)} from none in control` : `by ${percent(lift)}`;
    return result(variant.arm, metric, harmed ? 'harmed' : 'ok', lift, test.pValue, harmed
      ? `${variant.arm} raises ${metric} ${rise} (${pText(test.pValue)}): a guardrail is harmed.`
      : `${variant.arm}'s ${metric} is not significantly higher (${change}, ${pText(test.pValue)}).`);
  });
}

/** Checks a mean guardrail (revenue per visitor, average order value; a fall is harm). */
export function checkMeanGuardrail(metric: string, arms: readonly string[], analysis: RevenueAnalysis | null, alpha: number): GuardrailResult[] {
  return arms.map((arm, i) => {
    if (!analysis) return result(arm, metric, 'unchecked', null, null, `${arm}'s ${metric} was not checked: the Results sheet has no revenue for every row.`);
    if (!analysis.ok) return result(arm, metric, 'unchecked', null, null, `${arm}'s ${analysis.reason}.`);
    const test = analysis.variants[i]!;
    const harmed = test.diff < 0 && test.pValue < alpha;
    return result(arm, metric, harmed ? 'harmed' : 'ok', test.lift, test.pValue, harmed
      ? `${arm} lowers ${metric} by ${percent(test.lift === null ? null : -test.lift)} (${pText(test.pValue)}): a guardrail is harmed.`
      : `${arm}'s ${metric} is not significantly lower (${signedPercent(test.lift)}, ${pText(test.pValue)}).`);
  });
}
