import type { RuleOf } from '../kit';
import { wordSpans } from '../text';
import type { CompiledRule } from './compiled';
import { reporter } from './context';

/** The same word twice in a row, separated only by spaces ("the the"); the fix removes the second. */
export function compileRepetition(rule: RuleOf<'repetition'>): CompiledRule {
  const exceptions = new Set(rule.exceptions.map((e) => e.toLowerCase()));
  const same = (a: string, b: string) => (rule.ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b);
  const report = reporter(rule);
  return {
    check(ctx) {
      const words = wordSpans(ctx.text);
      for (let i = 1; i < words.length; i++) {
        const before = words[i - 1]!;
        const word = words[i]!;
        // Neighbours rarely match, so the words are compared before the gap between them is read; in
        // ASCII text, case never changes a word's length, so words of different lengths differ.
        if (ctx.ascii && before.text.length !== word.text.length) continue;
        if (!same(before.text, word.text)) continue;
        const gap = ctx.text.slice(before.end, word.start);
        if (!gap || /\S/.test(gap)) continue;
        if (exceptions.has(word.text.toLowerCase()) || ctx.skipped(rule, before.start, word.end) || ctx.blocks.crosses(before.start, word.end)) continue;
        report(ctx, before.end, word.end, [word.text], { match: word.text }, ['']);
      }
    },
  };
}
