import type { RuleOf } from '../kit';
import type { CompiledRule } from './compiled';
import { lettersOf, reporter } from './context';
import { compileKitPattern, eachMatch } from './pattern';

const isCapsWord = (word: string | undefined) => !!word && /^\p{Lu}{2,}$/u.test(lettersOf(word));

/**
 * A term matched by `first` (an acronym) needs a definition matched by `second` earlier in the text
 * ("annual percentage rate (APR)"). Only the first undefined use of each acronym is reported, and
 * words in an all-capitals run ("SAVE NOW") are shouting, not acronyms.
 */
export function compileConditional(rule: RuleOf<'conditional'>): CompiledRule {
  const first = compileKitPattern(rule.first, false);
  const second = compileKitPattern(rule.second, false);
  const exceptions = new Set(rule.exceptions);
  const report = reporter(rule);
  return {
    check(ctx) {
      const defined = new Map<string, number>();
      const definitions: { start: number; end: number }[] = [];
      eachMatch(second, ctx.text, ctx.ascii, (m) => {
        const term = m[1];
        if (!term) return;
        if (!defined.has(term)) defined.set(term, m.index);
        definitions.push({ start: m.index, end: m.index + m[0].length });
      });
      const reported = new Set<string>();
      ctx.matches(first, rule, (start, end, m) => {
        const term = m[1];
        if (!term || exceptions.has(term) || reported.has(term)) return;
        if (definitions.some((d) => d.start <= start && end <= d.end)) return;
        const at = defined.get(term);
        if (at !== undefined && at < start) return;
        const before = /(\S+)\s+$/.exec(ctx.text.slice(Math.max(0, start - 20), start))?.[1];
        const after = /^\s+(\S+)/.exec(ctx.text.slice(end, end + 20))?.[1];
        if (isCapsWord(before) || isCapsWord(after)) return;
        reported.add(term);
        report(ctx, start, end, [term], { match: term });
      });
    },
  };
}
