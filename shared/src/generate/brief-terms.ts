import type { Finding } from '../findings';
import type { BrandKit } from '../kit';
import { isSafeFix, lintText } from '../lint';
import { bare } from './copy';

// A brief is a person's notes, so it may say what the kit forbids ("create synergy", "flushes toxins").
// The offline draft repeats the brief, so before it does, each brief line loses the clauses that carry
// an error the draft could not otherwise fix; swappable terms are left to the kit's own replacements.

/** A brief line fit to repeat in a draft, and what a person should know about how it changed. */
export interface CleanLine {
  text: string;
  notices: string[];
}

// A clause starts after a comma, semicolon, colon or dash, or at a connecting word.
const boundary = /[,;:]\s+|\s+[—–-]\s+|\s+(?=(?:that|which|who|and|or|but|so|while|with|without|because|when|to)\s)/giu;

function clauseAround(text: string, at: number): { start: number; end: number } {
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(boundary)) {
    const edge = m.index!;
    if (edge + m[0].length <= at) start = edge;
    else if (edge >= at) {
      end = edge;
      break;
    }
  }
  return { start, end };
}

// Joins what is left of a line: no doubled or leading separators, no dangling connecting word.
function mend(text: string): string {
  return bare(
    text
      .replace(/\s{2,}/g, ' ')
      .replace(/\s+([,;:])/g, '$1')
      .replace(/\s*([,;:])(?:\s*[,;:])+/g, '$1')
      .replace(/^[\s,;:—–-]+|[\s,;:—–-]+$/g, '')
      .replace(/^(?:and|or|but|so)\s+|\s+(?:that|which|who|and|or|but|so|while|with|without|because|when|to)$/gi, ''),
  );
}

/** What only a person could put right: an error with no single safe fix and no kit replacement, other than a claim (claims go to review). */
function unfixable(finding: Finding): boolean {
  if (finding.severity !== 'error' || finding.rule.startsWith('claims.')) return false;
  if (finding.rule.startsWith('terms.') && finding.suggestions.length) return false;
  return !isSafeFix(finding);
}

const quoted = (text: string) => `“${text}”`;

/** The brief line with each clause that carries an unfixable error dropped, and notices naming what went and what the kit's words replace. */
export function cleanBriefLine(line: string, kit: BrandKit, approvedClaims: readonly string[], field: string): CleanLine {
  const notices: string[] = [];
  let text = bare(line);
  const swapped = lintText(text, kit, { approvedClaims: [...approvedClaims] }).findings.filter((f) => f.rule === 'terms.banned' && f.suggestions.length);
  for (const f of swapped) notices.push(`The brief's ${field} uses the banned ${quoted(f.match)}; the draft says ${quoted(f.suggestions[0]!)} instead.`);
  // Each pass drops one clause; a line has only a few.
  for (let pass = 0; pass < 8 && text; pass++) {
    const problem = lintText(text, kit, { approvedClaims: [...approvedClaims] }).findings.find(unfixable);
    if (!problem) break;
    const { start, end } = clauseAround(text, problem.start);
    const clause = mend(text.slice(start, end));
    notices.push(`Left out ${quoted(clause)} from the brief's ${field}: ${quoted(problem.match)} is not allowed (${problem.rule}) and has no replacement.`);
    text = mend(`${text.slice(0, start)} ${text.slice(end)}`);
  }
  return { text, notices };
}
