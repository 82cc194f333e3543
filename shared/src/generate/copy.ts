import type { BrandKit } from '../kit';
import { countGraphemes, truncateToGraphemes, withArticle } from '../text';

/** Drops trailing punctuation and spaces, so a phrase can be placed inside a sentence. */
export function bare(text: string): string {
  return text.trim().replace(/[\s.,;:!?…—–-]+$/u, '');
}

/** A phrase closed as a sentence (keeps a `?` or `!` it already has). */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return '';
  return /[.!?…]$/u.test(trimmed) ? upperFirst(trimmed) : `${upperFirst(bare(trimmed))}.`;
}

export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lowers the first letter only of an ordinary capitalised word, never of a name, acronym or kit term. */
export function lowerFirst(text: string, keep: readonly string[] = []): string {
  const first = /^\S+/.exec(text)?.[0] ?? '';
  if (!/^[A-Z][a-z']*$/.test(first)) return text;
  if (keep.some((name) => name.split(/\s+/)[0] === first)) return text;
  return first.toLowerCase() + text.slice(first.length);
}

// Words a cut should not end on: a headline ending "…for" or "…and" reads broken.
const danglers = new Set(
  'a an and as at but by for from in into of on or not nor the to with your our their its that this than so vs'.split(' '),
);

/** Cuts text at a word boundary to fit `max` graphemes (and `maxWords`), never ending on a dangling word. */
export function fitWords(text: string, max: number, maxWords = Infinity): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const words = clean.split(' ');
  if (countGraphemes(clean) <= max && words.length <= maxWords) return clean;
  let kept: string[] = [];
  for (const word of words) {
    if (kept.length >= maxWords || countGraphemes([...kept, word].join(' ')) > max) break;
    kept.push(word);
  }
  // A cut that can end at a clause (after a comma, colon or dash) and keep half the room reads as written.
  for (let i = kept.length - 2; i >= 0; i--) {
    if (!/[,;:—–]$/.test(kept[i]!)) continue;
    if (countGraphemes(kept.slice(0, i + 1).join(' ')) >= max / 2) kept = kept.slice(0, i + 1);
    break;
  }
  // Trailing punctuation inside a cut phrase (a comma, a dash) is dropped with any dangling word.
  while (kept.length > 1 && danglers.has(bare(kept[kept.length - 1]!).toLowerCase())) kept = kept.slice(0, -1);
  if (kept.length === 0) return truncateToGraphemes(words[0] ?? '', max);
  const last = kept.length - 1;
  kept[last] = /[.!?]$/.test(kept[last]!) ? kept[last]! : bare(kept[last]!);
  return kept.join(' ');
}

/**
 * Joins a disclosure label to copy: on a line of its own for multi-line copy or a channel that
 * takes it as a separate field; else a line without closing punctuation gets a separator so the two do not run together.
 */
export function withLabel(copy: string, label: string, separate = false): string {
  if (separate) return `${copy}\n${label}`;
  if (copy.includes('\n')) return `${copy}\n\n${label}`;
  return /[.!?…]$/u.test(copy) ? `${copy} ${label}` : `${copy} · ${label}`;
}

/** Whether text fits the limits. */
export function fits(text: string, max: number, maxWords = Infinity): boolean {
  return countGraphemes(text) <= max && text.split(/\s+/).filter(Boolean).length <= maxWords;
}

interface Swap {
  pattern: RegExp;
  /** The form in lower case: a quick test that skips the regular expression when the text cannot hold it. */
  lower: string;
  replacement: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Letters and digits on either side mean the term is part of a longer word.
function termPattern(term: string, caseSensitive: boolean): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}(?![\\p{L}\\p{N}])`, caseSensitive ? 'gu' : 'giu');
}

const swapCache = new WeakMap<BrandKit, Swap[]>();

// Banned and avoided terms become their first replacement (or go); misspellings of approved terms become the term.
function swapsFor(kit: BrandKit): Swap[] {
  let swaps = swapCache.get(kit);
  if (swaps) return swaps;
  swaps = [];
  for (const term of kit.terms) {
    const approved = term.status === 'approved';
    const forms = approved ? term.misspellings : [term.term, ...term.misspellings];
    const replacement = approved ? term.term : (term.replacements[0] ?? '');
    // Longest form first, so "super cheap" goes before "cheap".
    for (const form of [...forms].sort((a, b) => b.length - a.length)) {
      if (form.trim()) swaps.push({ pattern: termPattern(form, approved || term.caseSensitive), lower: form.toLowerCase(), replacement });
    }
  }
  swapCache.set(kit, swaps);
  return swaps;
}

// Each step of tidy can only act where one of these is found, so text without them is already tidy.
const untidy = /[ \t]{2}| [.,;:!?]|^ | $/m;

function tidy(text: string): string {
  if (!untidy.test(text)) return text;
  return text
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ +([.,;:!?])/g, '$1')
    .replace(/^ +| +$/gm, '');
}

/** Every match of a global pattern replaced, with an "a" or "an" just before each put right for what now follows it. */
function replaceAll(text: string, pattern: RegExp, replace: (match: string) => string): string {
  let out = '';
  let cursor = 0;
  for (const m of text.matchAll(pattern)) {
    const replacement = replace(m[0]);
    const fixed = withArticle(text, m.index, m.index + m[0].length, replacement);
    const [start, piece] = fixed.start >= cursor ? [fixed.start, fixed.replacement] : [m.index, replacement];
    out += text.slice(cursor, start) + piece;
    cursor = m.index + m[0].length;
  }
  return out + text.slice(cursor);
}

/** Replaces the kit's banned and avoided terms and misspellings, so a draft never carries them. */
export function useKitTerms(text: string, kit: BrandKit): string {
  const swaps = swapsFor(kit);
  let out = text;
  // A replacement could itself hold a listed form; a few passes settle it, and anything left is removed.
  for (let pass = 0; pass < 3; pass++) {
    const before = out;
    const lower = out.toLowerCase();
    for (const { pattern, lower: form, replacement } of swaps) {
      if (!lower.includes(form)) continue;
      out = replaceAll(out, pattern, (match) => (/^\p{Lu}/u.test(match) && !/^\p{Lu}{2}/u.test(match) ? upperFirst(replacement) : replacement));
    }
    if (out === before) return tidy(out);
  }
  for (const term of kit.terms) {
    if (term.status === 'approved') continue;
    for (const form of [term.term, ...term.misspellings]) if (form.trim()) out = replaceAll(out, termPattern(form, term.caseSensitive), () => '');
  }
  return tidy(out);
}
