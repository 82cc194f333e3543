import type { RuleOf } from '../kit';
import type { Span } from '../text';
import type { CompiledRule } from './compiled';
import { reporter } from './context';
import { compileKitPattern } from './pattern';

/** How often a pattern may appear per text, paragraph or sentence (Vale's occurrence). */
export function compileOccurrence(rule: RuleOf<'occurrence'>): CompiledRule {
  const token = compileKitPattern(rule.token, rule.ignoreCase);
  const report = reporter(rule);
  return {
    check(ctx) {
      for (const span of ctx.scopeSpans(rule.scope)) {
        const found: Span[] = [];
        ctx.matches(token, rule, (start, end) => found.push({ start, end }), span);
        const count = String(found.length);
        if (rule.max !== undefined && found.length > rule.max) {
          // Every occurrence past the limit is marked, so a writer sees which ones to cut.
          for (const { start, end } of found.slice(rule.max)) {
            const match = ctx.text.slice(start, end);
            report(ctx, start, end, [match], { match, count, max: String(rule.max) });
          }
        }
        if (rule.min !== undefined && found.length < rule.min) report(ctx, span.start, span.end, [count], { count, min: String(rule.min) });
      }
    },
  };
}
