import type { Finding } from '../findings';

// Rules whose fixes are deterministic: the kit states the one right answer.
const safePrefixes = ['substitution.', 'capitalization.', 'repetition.'];
const safeTermRules = new Set(['terms.banned', 'terms.misspelling', 'terms.case']);

/** Whether the finding's fix can be applied without a person: a single deterministic suggestion. */
export function isSafeFix(finding: Finding): boolean {
  if (finding.suggestions.length !== 1) return false;
  return safeTermRules.has(finding.rule) || safePrefixes.some((prefix) => finding.rule.startsWith(prefix));
}

/**
 * Applies the first suggestion of each finding that has one. A fix is skipped when its range no
 * longer holds the text it was found on, when it overlaps an earlier fix, or when an insertion is
 * already there, so applying the same findings twice changes nothing more.
 */
export function applyFixes(text: string, findings: readonly Finding[]): string {
  const fixes = findings
    .filter((f) => f.suggestions.length > 0 && f.start >= 0 && f.end <= text.length && f.start <= f.end)
    .filter((f) => text.slice(f.start, f.end) === f.match)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  let lastInsert = -1;
  for (const fix of fixes) {
    const replacement = fix.suggestions[0]!;
    if (fix.start < cursor) continue;
    if (fix.start === fix.end) {
      if (fix.start === lastInsert || text.startsWith(replacement, fix.start) || text.slice(0, fix.start).endsWith(replacement)) continue;
      lastInsert = fix.start;
    }
    out += text.slice(cursor, fix.start) + replacement;
    cursor = fix.end;
  }
  return out + text.slice(cursor);
}
