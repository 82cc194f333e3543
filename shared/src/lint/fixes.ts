import type { Finding } from '../findings';
import { withArticle } from '../text';

// Rules whose fixes are deterministic: the kit states the one right answer (an existence rule only
// carries a suggestion when the kit says to remove the match).
const safePrefixes = ['substitution.', 'capitalization.', 'repetition.', 'existence.'];
const safeTermRules = new Set(['terms.banned', 'terms.misspelling', 'terms.case']);

/** Whether the finding's fix can be applied without a person: a single deterministic suggestion. */
export function isSafeFix(finding: Finding): boolean {
  if (finding.suggestions.length !== 1) return false;
  return safeTermRules.has(finding.rule) || safePrefixes.some((prefix) => finding.rule.startsWith(prefix));
}

/** A replacement of `[start, end)` chosen from a finding. */
export interface PlannedFix {
  start: number;
  end: number;
  replacement: string;
  finding: Finding;
}

/**
 * The fixes `applyFixes` makes, in order: the first suggestion of each finding that has one. A fix
 * is skipped when its range no longer holds the text it was found on, when it overlaps an earlier
 * fix, or when an insertion's text is already in the text, so applying the same findings twice changes nothing more.
 */
export function planFixes(text: string, findings: readonly Finding[]): PlannedFix[] {
  // A finding whose range no longer holds its text marks an edited region: fixes overlapping it are
  // left alone too, which is what makes a second application of the same findings change nothing.
  const current = (f: Finding) => f.start >= 0 && f.end <= text.length && f.start <= f.end && text.slice(f.start, f.end) === f.match;
  const stale = findings.filter((f) => !current(f));
  const candidates = findings
    .filter((f) => f.suggestions.length > 0 && current(f) && !stale.some((s) => f.start < s.end && s.start < f.end))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const plan: PlannedFix[] = [];
  let cursor = 0;
  let lastInsert = -1;
  for (const finding of candidates) {
    const replacement = finding.suggestions[0]!;
    if (finding.start < cursor) continue;
    if (finding.start === finding.end) {
      // An insertion (such as the disclosure label) is not repeated when its text is already present.
      if (finding.start === lastInsert || (replacement.trim() !== '' && text.includes(replacement.trim()))) continue;
      lastInsert = finding.start;
    }
    // A new word after "a" or "an" takes the article it needs ("a whitelist" → "an allowlist").
    const fixed = finding.start === finding.end ? { start: finding.start, replacement } : withArticle(text, finding.start, finding.end, replacement);
    const [start, chosen] = fixed.start >= cursor ? [fixed.start, fixed.replacement] : [finding.start, replacement];
    plan.push({ start, end: finding.end, replacement: chosen, finding });
    cursor = finding.end;
  }
  return plan;
}

/** Applies the first suggestion of each fixable finding; non-overlapping and idempotent (see `planFixes`). */
export function applyFixes(text: string, findings: readonly Finding[]): string {
  let out = '';
  let cursor = 0;
  for (const fix of planFixes(text, findings)) {
    out += text.slice(cursor, fix.start) + fix.replacement;
    cursor = fix.end;
  }
  return out + text.slice(cursor);
}

/** What fix-all did: the fixed text, the fixes it applied, and the rules whose fixes it refused because they never settle. */
export interface FixAllResult {
  text: string;
  fixed: Finding[];
  refused: string[];
}

// A removal inside a heading and the heading's case can take turns settling (cut the hedge, then recase the line): six passes leave room for that.
const fixAllPasses = 6;

/**
 * Applies every safe fix until the text settles, so one fix-all leaves nothing for a second to do.
 * A fix can create work for another (a swap that makes a repeated word) and that settles in a few
 * passes; rules that undo each other (title case and sentence case over the same headline) never do.
 * Their fixes are refused: the rules still firing in the last two passes lose their fixes and fix-all
 * starts again from the original text without them, until what is left settles.
 */
export function fixAll(text: string, lint: (text: string) => readonly Finding[]): FixAllResult {
  const refused = new Set<string>();
  for (;;) {
    let current = text;
    const fixed: Finding[] = [];
    let settled = false;
    // The rules firing in the last two passes: a pair undoing each other fires in turn.
    let previous: string[] = [];
    let last: string[] = [];
    for (let pass = 0; pass <= fixAllPasses; pass++) {
      const safe = lint(current).filter((f) => isSafeFix(f) && !refused.has(f.rule));
      [previous, last] = [last, safe.map((f) => f.rule)];
      const next = safe.length > 0 ? applyFixes(current, safe) : current;
      if (next === current) {
        settled = true;
        break;
      }
      if (pass === fixAllPasses) break;
      fixed.push(...safe);
      current = next;
    }
    if (settled) return { text: current, fixed, refused: [...refused] };
    for (const rule of [...previous, ...last]) refused.add(rule);
  }
}
