import type { RuleOf } from '../kit';
import { wordSpans, type WordSpan } from '../text';
import type { CompiledRule } from './compiled';
import { reporter, type LintContext } from './context';
import { compileKitPattern } from './pattern';

// Vale's `alpha`: a repeat counts only when it is made of letters alone (Go's unicode.IsLetter on every rune).
const isLetters = (text: string) => /^\p{L}+$/u.test(text);

/** The same word twice in a row ("the the"); the fix removes the second. */
export function compileRepetition(rule: RuleOf<'repetition'>): CompiledRule {
  const exceptions = new Set(rule.exceptions.map((e) => e.toLowerCase()));
  const same = (a: string, b: string) => (rule.ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b);
  const report = reporter(rule);
  const flag = (ctx: LintContext, before: WordSpan, word: WordSpan) => {
    if (rule.alpha && !isLetters(word.text)) return;
    if (exceptions.has(word.text.toLowerCase()) || ctx.skipped(rule, before.start, word.end) || ctx.blocks.crosses(before.start, word.end)) return;
    // Removing the second is safe only when nothing but spaces stands between the two.
    const removable = !/\S/.test(ctx.text.slice(before.end, word.start));
    if (removable) report(ctx, before.end, word.end, [word.text], { match: word.text }, ['']);
    else report(ctx, word.start, word.end, [word.text], { match: word.text });
  };
  if (rule.token !== undefined) {
    // As Vale reads `tokens`: each match is compared with the match before it, whatever lies between, on one line.
    const token = compileKitPattern(rule.token, rule.ignoreCase);
    return {
      check(ctx) {
        let before: WordSpan | undefined;
        ctx.matches(token, rule, (start, end) => {
          const raw = ctx.text.slice(start, end);
          const lead = raw.length - raw.trimStart().length;
          const word = { start: start + lead, end: start + lead + raw.trim().length, text: raw.trim() };
          if (before && word.text !== '' && same(before.text, word.text) && !ctx.text.slice(before.start, word.end).includes('\n')) flag(ctx, before, word);
          before = word;
        });
      },
    };
  }
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
        flag(ctx, before, word);
      }
    },
  };
}
