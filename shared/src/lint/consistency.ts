import type { RuleOf } from '../kit';
import type { CompiledRule, TermEntry } from './compiled';
import { matchCase, reporter } from './context';

/**
 * Either form, not both (Vale's consistency). The form a text uses first wins; each use of the
 * other form is reported with the winner as its suggestion.
 */
export function compileConsistency(rule: RuleOf<'consistency'>): CompiledRule {
  const entries: TermEntry[] = [];
  Object.entries(rule.either).forEach((forms, pair) => {
    for (const form of forms) entries.push({ key: form, caseSensitive: !rule.ignoreCase, payload: { pair, form } });
  });
  const report = reporter(rule);
  return {
    consumers: [
      {
        head: rule,
        entries,
        finish(ctx, hits) {
          const winner = new Map<number, string>();
          for (const hit of hits) {
            const { pair, form } = hit.entry.payload as { pair: number; form: string };
            if (!winner.has(pair)) winner.set(pair, form);
            const chosen = winner.get(pair)!;
            if (form === chosen) continue;
            const match = ctx.text.slice(hit.start, hit.end);
            report(ctx, hit.start, hit.end, [chosen, match], { match, suggestion: chosen }, [matchCase(match, chosen)]);
          }
        },
      },
    ],
  };
}
