import type { RuleOf } from '../kit';
import { countWords, fleschKincaidGrade, readingStats } from '../text';
import type { CompiledRule } from './compiled';
import { reporter } from './context';

/** Flesch–Kincaid grade over the kit's threshold, per text or paragraph; short spans are not judged. */
export function compileReadability(rule: RuleOf<'readability'>): CompiledRule {
  const report = reporter(rule);
  return {
    check(ctx) {
      for (const span of ctx.scopeSpans(rule.scope)) {
        const within = ctx.text.slice(span.start, span.end);
        // The plain count first: most spans of short copy are under the minimum and need no syllables.
        if (countWords(within) < rule.minWords) continue;
        // Sentences end at every block, so a heading never runs into the paragraph below it.
        const sentences = ctx.scopeSpans('sentence').filter((s) => s.start >= span.start && s.end <= span.end).length;
        const grade = fleschKincaidGrade(readingStats(within, sentences));
        if (grade <= rule.maxGrade) continue;
        const shown = grade.toFixed(1);
        report(ctx, span.start, span.end, [shown], { grade: shown, max: String(rule.maxGrade) });
      }
    },
  };
}
