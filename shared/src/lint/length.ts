import type { RuleOf } from '../kit';
import { countGraphemes, countWords, graphemeOffset, wordSpans, type Span } from '../text';
import type { CompiledRule } from './compiled';
import { reporter, type LintContext } from './context';

/** Limits in graphemes (characters as people see them) and words. */
export interface Limits {
  maxGraphemes?: number;
  minGraphemes?: number;
  maxWords?: number;
  minWords?: number;
}

/**
 * Reports a span that breaks a limit. An overflow is marked from the first grapheme or word past
 * the limit to the end, which is the part to cut; a shortfall marks the whole span.
 */
export function checkLimits(
  ctx: LintContext,
  span: Span,
  limits: Limits,
  report: (start: number, end: number, detail: Record<string, string>) => void,
): void {
  const text = ctx.text.slice(span.start, span.end);
  const check = (unit: string, max: number | undefined, min: number | undefined, count: () => number, cut: (max: number) => number) => {
    if (max === undefined && min === undefined) return;
    const n = count();
    if (max !== undefined && n > max) report(span.start + cut(max), span.end, { count: String(n), max: String(max), unit });
    if (min !== undefined && n < min) report(span.start, span.end, { count: String(n), min: String(min), unit });
  };
  check('characters', limits.maxGraphemes, limits.minGraphemes, () => countGraphemes(text), (max) => graphemeOffset(text, max));
  // Counting is cheaper than listing; the word list is needed only to mark an overflow.
  check('words', limits.maxWords, limits.minWords, () => countWords(text), (max) => wordSpans(text)[max]!.start);
}

/** The message for a broken limit, in the words of the place that sets it. */
export function limitMessage(where: string, detail: Record<string, string>): string {
  return detail.max !== undefined
    ? `${where} has ${detail.count} ${detail.unit}; the limit is ${detail.max}.`
    : `${where} has ${detail.count} ${detail.unit}; it needs at least ${detail.min}.`;
}

/** Character and word limits per text, paragraph, sentence or line. */
export function compileLength(rule: RuleOf<'length'>): CompiledRule {
  const report = reporter(rule);
  return {
    check(ctx) {
      for (const span of ctx.scopeSpans(rule.scope)) {
        checkLimits(ctx, span, rule, (start, end, detail) => report(ctx, start, end, [detail.count!, detail.max ?? detail.min!], detail));
      }
    },
  };
}
