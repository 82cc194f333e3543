import { withDocumentLock } from '@onbrand/apps-script/server';
import { withArticle } from '@onbrand/shared/text';
import type { Fix } from '../contract';
import { activeDocument, paragraphFinder, replaceKeepingFormat } from './document-port';
import { sameRef } from './offset-map';

export interface FixOutcome {
  applied: number;
  skipped: { expected: string; reason: string }[];
  message: string;
}

/**
 * Groups fixes by paragraph and drops overlapping ones (the first by position wins). Within a
 * paragraph, fixes are returned right to left, so applying one never moves the offsets of the next.
 */
export function planFixes(fixes: readonly Fix[]): { groups: Fix[][]; overlapping: Fix[] } {
  const groups: Fix[][] = [];
  const overlapping: Fix[] = [];
  for (const fix of fixes) {
    const group = groups.find((g) => g[0]!.location.section === fix.location.section && sameRef(g[0]!.location.ref, fix.location.ref));
    if (group) group.push(fix);
    else groups.push([fix]);
  }
  for (const group of groups) {
    group.sort((a, b) => a.location.start - b.location.start || a.location.end - b.location.end);
    let end = -1;
    for (let i = 0; i < group.length; i++) {
      const fix = group[i]!;
      if (fix.location.start < end) {
        overlapping.push(...group.splice(i, 1));
        i--;
      } else end = Math.max(end, fix.location.end);
    }
    group.reverse();
  }
  return { groups, overlapping };
}

/**
 * Applies fixes in place. Each paragraph is read once; a fix whose text changed since the check is
 * skipped and reported, never forced, so the writer's newer words survive.
 */
export function applyFixes(fixes: readonly Fix[]): FixOutcome {
  if (!fixes.length) return { applied: 0, skipped: [], message: 'No fixes to apply.' };
  return withDocumentLock(() => {
    const doc = activeDocument();
    const find = paragraphFinder(doc);
    const { groups, overlapping } = planFixes(fixes);
    const skipped: FixOutcome['skipped'] = [];
    const skip = (fixes: readonly Fix[], reason: string) => skipped.push(...fixes.map((fix) => ({ expected: fix.expected, reason })));
    skip(overlapping, 'overlaps another fix; check again to apply it');
    let applied = 0;
    for (const group of groups) {
      const first = group[0]!.location;
      const paragraph = find(first.section, first.ref);
      if (!paragraph) {
        skip(group, 'its paragraph is no longer there');
        continue;
      }
      const text = paragraph.editAsText();
      const current = text.getText();
      group.forEach((fix, i) => {
        if (current.slice(fix.location.start, fix.location.end) !== fix.expected) {
          skip([fix], 'the text there changed since the check');
          return;
        }
        // A new word after "a" or "an" takes the article it needs, unless the fix to its left reaches the article.
        const left = group[i + 1]?.location.end ?? 0;
        const fixed = fix.location.start === fix.location.end ? undefined : withArticle(current, fix.location.start, fix.location.end, fix.replacement);
        const [start, replacement] = fixed && fixed.start >= left ? [fixed.start, fixed.replacement] : [fix.location.start, fix.replacement];
        // Right to left: `current` still holds the true text to the left of every later fix.
        replaceKeepingFormat(text, current, start, fix.location.end, replacement);
        applied++;
      });
    }
    const done = `Applied ${applied} fix${applied === 1 ? '' : 'es'}`;
    const message = skipped.length ? `${done}; skipped ${skipped.length} (${skipped.map((s) => `“${s.expected}”: ${s.reason}`).join('; ')}).` : `${done}.`;
    return { applied, skipped, message };
  });
}
