// Sentences, paragraphs and syllables for readability and per-sentence rules.

/** A range of text. */
export interface Span {
  start: number;
  end: number;
}

// Short forms whose full stop does not end a sentence.
const abbreviations = new Set(['e.g', 'i.e', 'etc', 'vs', 'mr', 'mrs', 'ms', 'dr', 'st', 'inc', 'ltd', 'co', 'no', 'approx', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

// \s of regular expressions, with ASCII answered without one.
function isSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < 0x80 ? c === 32 || (c >= 9 && c <= 13) : /\s/.test(text[i]!);
}

/** `[start, end)` without the spaces at either end, or undefined when nothing else is left. */
export function trimmedSpan(text: string, start: number, end: number): Span | undefined {
  while (start < end && isSpace(text, start)) start++;
  while (end > start && isSpace(text, end - 1)) end--;
  return start < end ? { start, end } : undefined;
}

// The trimmed, non-empty pieces of the text between matches of `separator`, a shared global pattern
// that never matches empty text. An exec loop, as matchAll copies the pattern on every call.
function splitSpans(text: string, separator: RegExp): Span[] {
  const out: Span[] = [];
  let start = 0;
  separator.lastIndex = 0;
  for (let m = separator.exec(text); m; m = separator.exec(text)) {
    const span = trimmedSpan(text, start, m.index);
    if (span) out.push(span);
    start = m.index + m[0].length;
  }
  const last = trimmedSpan(text, start, text.length);
  if (last) out.push(last);
  return out;
}

const blankLines = /(?:\r?\n|\r)[ \t]*(?:\r?\n|\r)\s*/g;
const lineBreaks = /\r\n|\n|\r/g;

/** Paragraphs: blocks separated by blank lines. */
export function paragraphSpans(text: string): Span[] {
  return splitSpans(text, blankLines);
}

/** Lines, without their line breaks, skipping blank ones. */
export function lineSpans(text: string): Span[] {
  return splitSpans(text, lineBreaks);
}

// The letters and dots just before a full stop, within [from, at): "e.g" in "e.g.", "Mr" in "Mr.".
// ASCII is read by a loop; any other character sends the window to the Unicode pattern.
function wordBeforeDot(text: string, from: number, at: number): string {
  let i = at;
  for (; i > from; i--) {
    const c = text.charCodeAt(i - 1);
    if (c >= 0x80) return /([\p{L}.]+)$/u.exec(text.slice(from, at))?.[1] ?? '';
    if (!(c === 46 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) break;
  }
  return text.slice(i, at);
}

const listOrHeading = /^\s*(?:[-*•#]|\d+[.)])\s/;
const boundary = /[.!?…]+["'”’)\]]*(?=\s|$)|[。！？]+|(?:\r?\n|\r)[ \t]*(?:\r?\n|\r)|\r?\n|\r/g;

/**
 * Sentences: ended by . ! ? … (and their CJK forms) before a space or the end, by blank lines, and by
 * line breaks around headings and list items, which carry no full stop.
 */
export function sentenceSpans(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (end: number, next: number) => {
    const span = trimmedSpan(text, start, end);
    if (span) out.push(span);
    start = next;
  };
  boundary.lastIndex = 0;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const end = m.index + m[0].length;
    const mark = m[0];
    if (/^[\r\n]/.test(mark) && !/[\r\n][ \t]*[\r\n]/.test(mark)) {
      const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
      if (!listOrHeading.test(text.slice(lineStart, m.index)) && !listOrHeading.test(text.slice(end, end + 8))) continue;
      push(m.index, end);
      continue;
    }
    if (mark.startsWith('.') && mark.length === 1) {
      const word = wordBeforeDot(text, Math.max(start, m.index - 12), m.index);
      if (abbreviations.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word)) continue;
    }
    push(/^[\r\n]/.test(mark) ? m.index : end, end);
  }
  push(text.length, text.length);
  return out;
}

const vowels = 'aeiouy';

/**
 * Syllables in an English word, by vowel groups with the usual silent-e corrections: a final "es"
 * after a consonant or "ed" after a consonant other than d or t drops, as does a final "e" after a
 * consonant, and a leading "y" is a consonant. Written as loops: readability counts every word.
 */
export function countSyllables(word: string): number {
  const lower = word.toLowerCase();
  let w = '';
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c >= 97 && c <= 122) w += lower[i];
  }
  if (!w) return /\p{N}/u.test(word) ? 1 : 0;
  if (w.length <= 3) return 1;
  const n = w.length;
  const before = w[n - 3]!;
  let end = n;
  if ((w.endsWith('es') && !'laeiouy'.includes(before)) || (w.endsWith('ed') && !'laeiouydt'.includes(before))) end = n - 2;
  else if (w[n - 1] === 'e' && !'laeiouy'.includes(w[n - 2]!)) end = n - 1;
  let groups = 0;
  let inGroup = false;
  for (let i = w[0] === 'y' ? 1 : 0; i < end; i++) {
    const vowel = vowels.includes(w[i]!);
    if (vowel && !inGroup) groups++;
    inGroup = vowel;
  }
  return Math.max(1, groups);
}
