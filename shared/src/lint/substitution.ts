import type { RuleOf } from '../kit';
import { compileProgram } from '../regex';
import type { LinearMatch } from '../regex';
import type { CompiledRule } from './compiled';
import { matchCase, reporter, type LintContext } from './context';
import { compileKitPattern } from './pattern';

/**
 * Vale's `capitalize`: a match whose first character reads the same upper-cased ("Utilize", "UTILIZE")
 * gets a suggestion with only its first letter raised, as Vale's CapFirst does.
 */
function capitalizeFirst(match: string, replacement: string): string {
  const head = String.fromCodePoint(match.codePointAt(0) ?? 0);
  if (match.length === 0 || head.toUpperCase() !== head || replacement.length === 0) return replacement;
  const first = String.fromCodePoint(replacement.codePointAt(0)!);
  return first.toUpperCase() + replacement.slice(first.length);
}

/**
 * Fills `$1`, `${1}` and `$$` in a replacement from a key's capture groups (Vale's, and JavaScript's,
 * replacement syntax); `groups[0]` is the key's first group. A group that took part in no match gives "".
 */
function expandGroups(replacement: string, groups: readonly (string | undefined)[]): string {
  return replacement.replace(/\$(?:(\$)|\{(\d+)\}|(\d+))/g, (whole, dollar: string | undefined, braced: string | undefined, plain: string | undefined) => {
    if (dollar) return '$';
    const n = Number(braced ?? plain);
    return n >= 1 && n <= groups.length ? (groups[n - 1] ?? '') : whole;
  });
}

const usesGroups = (replacement: string) => /\$(?:\d|\{\d+\})/.test(replacement);

/** The brand's preferred words: literal keys go to the kit's matcher; regex keys run as one combined regex. */
export function compileSubstitution(rule: RuleOf<'substitution'>): CompiledRule {
  const swaps = Object.entries(rule.swap).map(([key, value]) => ({ key, replacements: typeof value === 'string' ? [value] : value }));
  const exceptions = new Set((rule.exceptions ?? []).map((e) => e.toLowerCase()));
  const flag = reporter(rule);
  const recase = (match: string, r: string) => (rule.capitalize ? capitalizeFirst(match, r) : rule.keepCase ? matchCase(match, r) : r);
  const report = (ctx: LintContext, start: number, end: number, replacements: readonly string[]) => {
    const match = ctx.text.slice(start, end);
    if (exceptions.has(match.toLowerCase())) return;
    const suggestions = [...new Set(replacements.map((r) => recase(match, r)))];
    // Text that already reads as a replacement ("OK" for the key "ok") is on-brand.
    if (suggestions.includes(match)) return;
    const suggestion = suggestions.join("' or '");
    flag(ctx, start, end, [suggestion, match], { match, suggestion }, suggestions);
  };
  if (!rule.regex) {
    const entries = swaps.map(({ key, replacements }) => ({ key, caseSensitive: !rule.ignoreCase, payload: replacements }));
    return { consumers: [{ head: rule, entries, finish: (ctx, hits) => hits.forEach((hit) => report(ctx, hit.start, hit.end, hit.entry.payload as string[])) }] };
  }
  // Vale treats swap keys as patterns; each key becomes a named group so a match names its key. A key's
  // own groups follow its named group, so the number of the first of them is kept for `$1` in its replacement.
  const counts = swaps.map(({ key }) => compileProgram(key, rule.ignoreCase).groups);
  let next = 1;
  const firstGroup = counts.map((count) => {
    const first = next + 1;
    next += 1 + count;
    return first;
  });
  const combined = compileKitPattern(swaps.map(({ key }, i) => `(?<k${i}>${key})`).join('|'), rule.ignoreCase);
  const replacementsOf = (which: number, m: LinearMatch) => {
    const { replacements } = swaps[which]!;
    if (!replacements.some(usesGroups)) return replacements;
    const groups = Array.from({ length: counts[which]! }, (_, g) => m[firstGroup[which]! + g]);
    return replacements.map((r) => expandGroups(r, groups));
  };
  return {
    check: (ctx) =>
      ctx.matches(combined, rule, (start, end, m) => {
        const which = swaps.findIndex((_, i) => m.groups?.[`k${i}`] !== undefined);
        if (which >= 0) report(ctx, start, end, replacementsOf(which, m));
      }),
  };
}
