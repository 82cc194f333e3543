import type { RuleOf } from '../kit';
import { patternFlags } from '../kit';
import type { CompiledRule, TermEntry } from './compiled';
import { findingRuleId, formatMessage, type LintContext } from './context';
import { compilePattern, eachMatch } from './pattern';

/** Words or patterns that must not appear: tokens go to the kit's matcher, a pattern runs as one regex. */
export function compileExistence(rule: RuleOf<'existence'>): CompiledRule {
  const id = findingRuleId('existence', rule.id);
  const exceptions = new Set(rule.exceptions.map((e) => e.toLowerCase()));
  const report = (ctx: LintContext, start: number, end: number) => {
    const match = ctx.text.slice(start, end);
    ctx.report({ rule: id, severity: rule.severity, message: formatMessage(rule.message, [match], { match }), start, end, suggestions: [] });
  };
  const entries: TermEntry[] = [
    ...rule.tokens.map((key) => ({ key, caseSensitive: !rule.ignoreCase })),
    ...rule.exceptions.map((key) => ({ key, caseSensitive: false, shield: true })),
  ];
  const pattern = rule.pattern === undefined ? undefined : compilePattern(rule.pattern, patternFlags(rule.ignoreCase));
  return {
    consumers: rule.tokens.length > 0 ? [{ head: rule, entries, finish: (ctx, hits) => hits.forEach((hit) => report(ctx, hit.start, hit.end)) }] : [],
    check: pattern
      ? (ctx) => {
          eachMatch(pattern, ctx.text, ctx.ascii, (m) => {
            const end = m.index + m[0].length;
            if (m[0].length === 0 || exceptions.has(m[0].toLowerCase()) || ctx.skipped(rule, m.index, end)) return;
            report(ctx, m.index, end);
          });
        }
      : undefined,
  };
}
