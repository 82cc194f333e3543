// Words as people count them. Chinese and Japanese have no spaces between words, so each Han,
// Hiragana or Katakana character counts as one word (the convention of Word and Google Docs).

/** One word with its UTF-16 range. */
export interface WordSpan {
  start: number;
  end: number;
  text: string;
}

const cjk = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u30FC';
const wordPattern = new RegExp(`[${cjk}]|(?:(?![${cjk}])[\\p{L}\\p{N}\\p{M}])+(?:(?:['’\\-](?![${cjk}])|[.,](?=\\p{N}))[\\p{L}\\p{N}\\p{M}]+)*`, 'gu');
const cjkPattern = new RegExp(`^[${cjk}]`, 'u');
const wordCharPattern = /^[\p{L}\p{N}\p{M}]$/u;

/** Every word in the text with its offsets. */
export function wordSpans(text: string): WordSpan[] {
  const out: WordSpan[] = [];
  for (const m of text.matchAll(wordPattern)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

/** How many words the text has (CJK characters count one each). */
export function countWords(text: string): number {
  let n = 0;
  wordPattern.lastIndex = 0;
  while (wordPattern.exec(text)) n++;
  return n;
}

/** Whether the code point is part of a word: a letter, digit or combining mark (underscore counts too). */
export function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) || cp === 95;
  return wordCharPattern.test(String.fromCodePoint(cp));
}

/** Whether the code point belongs to a script written without spaces, where word boundaries do not apply. */
export function isUnspacedCodePoint(cp: number): boolean {
  return cp >= 0x2e80 && cjkPattern.test(String.fromCodePoint(cp));
}

/** The code point that ends just before `offset` (a whole surrogate pair when there is one). */
export function codePointBefore(text: string, offset: number): number {
  const c = text.charCodeAt(offset - 1);
  if (c >= 0xdc00 && c <= 0xdfff && offset >= 2) {
    const h = text.charCodeAt(offset - 2);
    if (h >= 0xd800 && h <= 0xdbff) return (h - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000;
  }
  return c;
}

/** The code point starting at `offset`. */
export function codePointAtOffset(text: string, offset: number): number {
  return text.codePointAt(offset) ?? 0;
}
