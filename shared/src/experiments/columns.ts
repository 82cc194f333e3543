import type { Issue, Parsed } from '../issues';
import { cellText } from './cells';

/** Finds each column by its header, case-insensitively, under any of its names; names every required one missing. */
export function findColumns<K extends string>(header: readonly unknown[], aliases: Readonly<Partial<Record<K, readonly string[]>>>, required: readonly K[]): Parsed<Partial<Record<K, number>>> {
  const names = header.map((cell) => cellText(cell).toLowerCase());
  const found: Partial<Record<K, number>> = {};
  for (const key of Object.keys(aliases) as K[]) {
    const index = names.findIndex((name) => aliases[key]?.includes(name));
    if (index >= 0) found[key] = index;
  }
  const issues: Issue[] = required
    .filter((key) => found[key] === undefined)
    .map((key) => aliases[key]?.[0] ?? key)
    .map((name) => ({ path: `column ${name}`, message: `the header has no "${name}" column` }));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: found };
}
