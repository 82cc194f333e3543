import type { BrandKit, Term } from '../kit';
import { skipKinds } from '../kit';
import type { TermConsumer, TermEntry } from './compiled';
import { matchCase } from './context';

// The kit's glossary (Writer's term model). Findings are reported as:
//  terms.banned      a banned term, error, with its replacements;
//  terms.avoid       a term to avoid, warning, with its replacements;
//  terms.misspelling a common misspelling of an approved term, warning, with the term;
//  terms.case        an approved, case-sensitive term written in other capitals, warning, with the term.

type Kind = 'banned' | 'avoid' | 'misspelling' | 'case';

interface Payload {
  term: Term;
  kind: Kind;
}

function describe(term: Term, kind: Kind, match: string, suggestions: readonly string[]): string {
  const why = term.note ? ` ${term.note}` : '';
  const use = suggestions.length > 0 ? ` Use ${suggestions.map((s) => `“${s}”`).join(' or ')}.` : '';
  if (kind === 'banned') return `“${match}” is not on-brand.${use}${why}`;
  if (kind === 'avoid') return `Avoid “${match}”.${use}${why}`;
  if (kind === 'misspelling') return `“${match}” is a misspelling of “${term.term}”.${why}`;
  return `Write “${term.term}” with these capitals.${why}`;
}

/** The glossary as one matcher consumer. */
export function compileTerms(kit: BrandKit): TermConsumer {
  const entries: TermEntry[] = [];
  for (const term of kit.terms ?? []) {
    const add = (key: string, kind: Kind, caseSensitive: boolean) => entries.push({ key, caseSensitive, payload: { term, kind } satisfies Payload });
    // An approved term is matched case-blind so a wrongly capitalised use is found; a correct one
    // reports nothing and, being the longest match, keeps misspelling keys inside it from firing.
    const status = term.status;
    const approved = status === 'approved';
    add(term.term, approved ? 'case' : status, !approved && term.caseSensitive);
    for (const misspelling of term.misspellings ?? []) add(misspelling, approved ? 'misspelling' : status, term.caseSensitive);
  }
  return {
    head: { skip: skipKinds },
    entries,
    finish(ctx, hits) {
      for (const hit of hits) {
        const { term, kind } = hit.entry.payload as Payload;
        const match = ctx.text.slice(hit.start, hit.end);
        if (kind === 'case' && (!term.caseSensitive || match === term.term)) continue;
        const suggestions =
          kind === 'case' || kind === 'misspelling'
            ? [term.term]
            : (term.replacements ?? []).map((r) => (/^\p{Ll}/u.test(r) ? matchCase(match, r) : r));
        ctx.report({
          rule: `terms.${kind}`,
          severity: kind === 'banned' ? 'error' : 'warning',
          message: describe(term, kind, match, suggestions),
          start: hit.start,
          end: hit.end,
          suggestions: suggestions.filter((s) => s !== match),
        });
      }
    },
  };
}
