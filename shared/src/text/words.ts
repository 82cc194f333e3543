// Words as people count them. Chinese and Japanese have no spaces between words, so each Han,
// Hiragana or Katakana character counts as one word (the convention of Word and Google Docs).

/** One word with its UTF-16 range. */
export interface WordSpan {
  start: number;
  end: number;
  text: string;
}

const cjk = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u30FC';
const spaced = `(?:(?![${cjk}])[\\p{L}\\p{N}\\p{M}])+`;
const wordPattern = new RegExp(`[${cjk}]|${spaced}(?:(?:['’\\-]|[.,](?=\\p{N}))${spaced})*`, 'gu');
const cjkPattern = new RegExp(`^[${cjk}]`, 'u');
const wordCharPattern = /^[\p{L}\p{N}\p{M}]$/u;

/** Whether every unit of the text is ASCII. */
export function isAscii(text: string): boolean {
  return !/[^\x00-\x7f]/.test(text);
}

/** Every word in the text with its offsets. */
export function wordSpans(text: string): WordSpan[] {
  if (isAscii(text)) return asciiWordSpans(text);
  const out: WordSpan[] = [];
  for (const m of text.matchAll(wordPattern)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

// The word pattern on ASCII text, by a table: runs of letters and digits, joined by ' or - before a
// letter or digit, and by . or , before a digit. The Unicode pattern costs most on the short pieces copy is made of.
function asciiWordSpans(text: string): WordSpan[] {
  const out: WordSpan[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    if (asciiWord[text.charCodeAt(i)] !== 1) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      while (i < length && asciiWord[text.charCodeAt(i)] === 1) i++;
      const joiner = text.charCodeAt(i);
      const after = text.charCodeAt(i + 1);
      const joins = joiner === 39 || joiner === 45 ? asciiWord[after] === 1 : (joiner === 46 || joiner === 44) && after >= 48 && after <= 57;
      if (!joins) break;
      i++;
    }
    out.push({ start, end: i, text: text.slice(start, i) });
  }
  return out;
}

// Letters, digits and marks of a spaced script; the word pattern's inner class, for the fast count.
const spacedPattern = new RegExp(`^(?![${cjk}])[\\p{L}\\p{N}\\p{M}]$`, 'u');
const numberPattern = /^\p{N}$/u;

function isSpacedWordChar(cp: number): boolean {
  if (cp < 0x80) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  return cp >= 0xaa && spacedPattern.test(String.fromCodePoint(cp));
}

/** 1 for the ASCII characters that make up words (letters and digits), for loops that count words inline. */
export const asciiWord = new Uint8Array(128);
for (let c = 0; c < 128; c++) asciiWord[c] = isSpacedWordChar(c) ? 1 : 0;

/**
 * For an inline count over ASCII text: how many joiners (' - . ,) sit inside a word, that is, where
 * a count of starts of letter-and-digit runs sees two words and `countWords` sees one. Joiners are
 * rare, so this is a handful of native indexOf searches.
 */
export function asciiJoinersInWords(text: string): number {
  let n = 0;
  for (const joiner of ["'", '-', '.', ',']) {
    const digitsOnly = joiner === '.' || joiner === ',';
    for (let at = text.indexOf(joiner, 1); at !== -1; at = text.indexOf(joiner, at + 1)) {
      const before = text.charCodeAt(at - 1);
      const after = text.charCodeAt(at + 1);
      if (!(after >= 0) || asciiWord[before & 0x7f] !== 1 || before >= 0x80) continue;
      if (digitsOnly ? after >= 48 && after <= 57 : after < 0x80 && asciiWord[after] === 1) n++;
    }
  }
  return n;
}

// Whether the character after a joiner at `i` lets the word go on: a word character after ' ’ -,
// a digit after . or ,.
function joinsAt(text: string, i: number, joiner: number): boolean {
  const after = text.codePointAt(i + 1);
  if (after === undefined) return false;
  if (joiner === 46 || joiner === 44) return after < 0x80 ? after >= 48 && after <= 57 : numberPattern.test(String.fromCodePoint(after));
  return isSpacedWordChar(after);
}

/**
 * How many words the text has (CJK characters count one each): the same count as `wordSpans`,
 * found by one pass with a table for ASCII, so long texts count fast.
 */
export function countWords(text: string): number {
  const length = text.length;
  let n = 0;
  let inWord = false;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (asciiWord[c] === 1) {
        if (!inWord) n++;
        inWord = true;
      } else inWord = inWord && (c === 39 || c === 45 || c === 46 || c === 44) && joinsAt(text, i, c);
      continue;
    }
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (isSpacedWordChar(cp)) {
      if (!inWord) n++;
      inWord = true;
    } else if (cp >= 0x2e80 && isUnspacedCodePoint(cp)) {
      n++;
      inWord = false;
    } else inWord = inWord && cp === 0x2019 && joinsAt(text, i, cp);
  }
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

/**
 * Whether a neighbour continues a word for boundary checks: a letter, digit, mark or underscore of a
 * spaced script. CJK characters around a Latin name ("Ledgerlineで") do not, as those scripts use no spaces.
 */
export function continuesWord(cp: number): boolean {
  return isWordCodePoint(cp) && !isUnspacedCodePoint(cp);
}
