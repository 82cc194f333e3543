import type { RuleOf } from '../kit';
import type { CompiledRule, TermEntry } from './compiled';
import { reporter, type LintContext } from './context';
import { compileKitPattern } from './pattern';

/** Words or patterns that must not appear: tokens go to the kit's matcher, a pattern runs as one regex. */
export function compileExistence(rule: RuleOf<'existence'>): CompiledRule {
  const exceptions = new Set(rule.exceptions.map((e) => e.toLowerCase()));
  const flag = reporter(rule);
  const report = (ctx: LintContext, start: number, end: number) => {
    const match = ctx.text.slice(start, end);
    if (rule.action !== 'remove') return flag(ctx, start, end, [match], { match });
    // A removal takes one neighbouring space with it, so the fix leaves no double space.
    const { text } = ctx;
    const [from, to] = text[end] === ' ' ? [start, end + 1] : text[start - 1] === ' ' ? [start - 1, end] : [start, end];
    flag(ctx, from, to, [match], { match }, ['']);
  };
  const entries: TermEntry[] = [
    ...rule.tokens.map((key) => ({ key, caseSensitive: !rule.ignoreCase })),
    ...rule.exceptions.map((key) => ({ key, caseSensitive: false, shield: true })),
  ];
  const pattern = rule.pattern === undefined ? undefined : compileKitPattern(rule.pattern, rule.ignoreCase);
  return {
    consumers: rule.tokens.length > 0 ? [{ head: rule, entries, finish: (ctx, hits) => hits.forEach((hit) => report(ctx, hit.start, hit.end)) }] : [],
    check: pattern
      ? (ctx) => ctx.matches(pattern, rule, (start, end, m) => {
          if (!exceptions.has(m[0].toLowerCase())) report(ctx, start, end);
        })
      : undefined,
  };
}
