import type { RuleOf } from '../kit';
import type { CompiledRule } from './compiled';
import { matchCase, reporter, type LintContext } from './context';
import { compileKitPattern } from './pattern';

/** The brand's preferred words: literal keys go to the kit's matcher; regex keys run as one combined regex. */
export function compileSubstitution(rule: RuleOf<'substitution'>): CompiledRule {
  const swaps = Object.entries(rule.swap).map(([key, value]) => ({ key, replacements: typeof value === 'string' ? [value] : value }));
  const flag = reporter(rule);
  const report = (ctx: LintContext, start: number, end: number, replacements: readonly string[]) => {
    const match = ctx.text.slice(start, end);
    const suggestions = [...new Set(replacements.map((r) => (rule.keepCase ? matchCase(match, r) : r)))];
    // Text that already reads as a replacement ("OK" for the key "ok") is on-brand.
    if (suggestions.includes(match)) return;
    const suggestion = suggestions.join("' or '");
    flag(ctx, start, end, [suggestion, match], { match, suggestion }, suggestions);
  };
  if (!rule.regex) {
    const entries = swaps.map(({ key, replacements }) => ({ key, caseSensitive: !rule.ignoreCase, payload: replacements }));
    return { consumers: [{ head: rule, entries, finish: (ctx, hits) => hits.forEach((hit) => report(ctx, hit.start, hit.end, hit.entry.payload as string[])) }] };
  }
  // Vale treats swap keys as patterns; each key becomes a named group so a match names its key.
  const combined = compileKitPattern(swaps.map(({ key }, i) => `(?<k${i}>${key})`).join('|'), rule.ignoreCase);
  return {
    check: (ctx) =>
      ctx.matches(combined, rule, (start, end, m) => {
        const which = swaps.findIndex((_, i) => m.groups?.[`k${i}`] !== undefined);
        if (which >= 0) report(ctx, start, end, swaps[which]!.replacements);
      }),
  };
}
