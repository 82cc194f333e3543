import type { RuleOf } from '../kit';
import { patternFlags } from '../kit';
import type { CompiledRule } from './compiled';
import { findingRuleId, formatMessage } from './context';
import { compilePattern, eachMatch } from './pattern';

/** How often a pattern may appear per text, paragraph or sentence (Vale's occurrence). */
export function compileOccurrence(rule: RuleOf<'occurrence'>): CompiledRule {
  const id = findingRuleId('occurrence', rule.id);
  const token = compilePattern(rule.token, patternFlags(rule.ignoreCase));
  return {
    check(ctx) {
      for (const span of ctx.scopeSpans(rule.scope)) {
        const within = ctx.text.slice(span.start, span.end);
        const found: { start: number; end: number }[] = [];
        // A span of ASCII-only text is ASCII-only too.
        eachMatch(token, within, ctx.ascii, (m) => {
          const start = span.start + m.index;
          if (m[0].length > 0 && !ctx.skipped(rule, start, start + m[0].length)) found.push({ start, end: start + m[0].length });
        });
        const count = String(found.length);
        if (rule.max !== undefined && found.length > rule.max) {
          // Every occurrence past the limit is marked, so a writer sees which ones to cut.
          for (const extra of found.slice(rule.max)) {
            const match = ctx.text.slice(extra.start, extra.end);
            ctx.report({ rule: id, severity: rule.severity, message: formatMessage(rule.message, [match], { match, count, max: String(rule.max) }), ...extra, suggestions: [] });
          }
        }
        if (rule.min !== undefined && found.length < rule.min) {
          ctx.report({ rule: id, severity: rule.severity, message: formatMessage(rule.message, [count], { count, min: String(rule.min) }), ...span, suggestions: [] });
        }
      }
    },
  };
}
