import type { Severity } from '../findings';
import type { RuleOf } from '../kit';
import { countGraphemes, countWords, graphemeOffset, lineSpans, wordSpans, type Span } from '../text';
import type { CompiledRule } from './compiled';
import { findingRuleId, formatMessage, type LintContext } from './context';

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
  if (limits.maxGraphemes !== undefined || limits.minGraphemes !== undefined) {
    const graphemes = countGraphemes(text);
    if (limits.maxGraphemes !== undefined && graphemes > limits.maxGraphemes) {
      report(span.start + graphemeOffset(text, limits.maxGraphemes), span.end, { count: String(graphemes), max: String(limits.maxGraphemes), unit: 'characters' });
    }
    if (limits.minGraphemes !== undefined && graphemes < limits.minGraphemes) {
      report(span.start, span.end, { count: String(graphemes), min: String(limits.minGraphemes), unit: 'characters' });
    }
  }
  if (limits.maxWords === undefined && limits.minWords === undefined) return;
  // Counting is cheaper than listing; the word list is needed only to mark an overflow.
  const words = countWords(text);
  if (limits.maxWords !== undefined && words > limits.maxWords) {
    report(span.start + wordSpans(text)[limits.maxWords]!.start, span.end, { count: String(words), max: String(limits.maxWords), unit: 'words' });
  }
  if (limits.minWords !== undefined && words < limits.minWords) {
    report(span.start, span.end, { count: String(words), min: String(limits.minWords), unit: 'words' });
  }
}

/** The message for a broken limit, in the words of the place that sets it. */
export function limitMessage(where: string, detail: Record<string, string>): string {
  return detail.max !== undefined
    ? `${where} has ${detail.count} ${detail.unit}; the limit is ${detail.max}.`
    : `${where} has ${detail.count} ${detail.unit}; it needs at least ${detail.min}.`;
}

/** Reports a limit finding with a message template. */
export function reportLimit(ctx: LintContext, rule: string, severity: Severity, template: string, start: number, end: number, detail: Record<string, string>): void {
  const args = [detail.count!, detail.max ?? detail.min!];
  ctx.report({ rule, severity, message: formatMessage(template, args, detail), start, end, suggestions: [] });
}

/** Character and word limits per text, paragraph, sentence or line. */
export function compileLength(rule: RuleOf<'length'>): CompiledRule {
  const id = findingRuleId('length', rule.id);
  return {
    check(ctx) {
      const spans = rule.scope === 'line' ? lineSpans(ctx.text) : ctx.scopeSpans(rule.scope);
      for (const span of spans) {
        checkLimits(ctx, span, rule, (start, end, detail) => reportLimit(ctx, id, rule.severity, rule.message, start, end, detail));
      }
    },
  };
}
