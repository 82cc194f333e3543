import { utf8Length } from './chunks';

/**
 * Splits a log whose JSON outgrew `maxBytes` into its oldest entries, to be moved elsewhere, and
 * its newest, which fit in `keepBytes` (half the cap, so moving is rare and in batches). While
 * the log fits, nothing moves. The newest entry is always kept.
 */
export function rotateLog<T>(entries: readonly T[], maxBytes: number, keepBytes = Math.floor(maxBytes / 2)): { keep: T[]; move: T[] } {
  const sizes = entries.map((entry) => utf8Length(JSON.stringify(entry)) + 1);
  const total = sizes.reduce((sum, size) => sum + size, 1);
  if (total <= maxBytes) return { keep: [...entries], move: [] };
  let kept = 1;
  let start = entries.length;
  while (start > 1 && kept + sizes[start - 1]! <= keepBytes) kept += sizes[--start]!;
  start = Math.min(start, entries.length - 1);
  return { keep: entries.slice(start), move: entries.slice(0, start) };
}
