import type { RuleOf } from '../kit';
import type { CompiledRule, TermEntry } from './compiled';
import { findingRuleId, formatMessage, matchCase } from './context';

/**
 * Either form, not both (Vale's consistency). The form a text uses first wins; each use of the
 * other form is reported with the winner as its suggestion.
 */
export function compileConsistency(rule: RuleOf<'consistency'>): CompiledRule {
  const id = findingRuleId('consistency', rule.id);
  const entries: TermEntry[] = [];
  Object.entries(rule.either).forEach(([a, b], pair) => {
    entries.push({ key: a, caseSensitive: !rule.ignoreCase, payload: { pair, form: a, other: b } });
    entries.push({ key: b, caseSensitive: !rule.ignoreCase, payload: { pair, form: b, other: a } });
  });
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
          }
          for (const hit of hits) {
            const { pair, form } = hit.entry.payload as { pair: number; form: string; other: string };
            const chosen = winner.get(pair)!;
            if (form === chosen) continue;
            const match = ctx.text.slice(hit.start, hit.end);
            const suggestion = matchCase(match, chosen);
            ctx.report({ rule: id, severity: rule.severity, message: formatMessage(rule.message, [chosen, match], { match, suggestion: chosen }), start: hit.start, end: hit.end, suggestions: [suggestion] });
          }
        },
      },
    ],
  };
}
