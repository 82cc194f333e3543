import { describe, expect, it } from 'vitest';
import { countGraphemes, cutAtWordBoundary, graphemeOffset, segmentGraphemes, truncateToGraphemes } from '../../../shared/src/text';

describe('grapheme clusters', () => {
  it.each([
    ['plain ASCII', 'hello', 5],
    ['empty text', '', 0],
    ['CRLF as one', 'a\r\nb', 3],
    ['lone CR and LF', 'a\r\n\r\nb', 4],
    ['combining acute', 'e\u0301te\u0301', 3],
    ['stacked combining marks', 'Z\u0351\u036B\u0343\u036A', 1],
    ['Devanagari conjunct and spacing mark', 'नमस्ते', 3],
    ['Devanagari vowel sign', 'कि', 1],
    ['ZWJ family', '👨‍👩‍👧‍👦', 1],
    ['skin tone', '👍🏽', 1],
    ['variation selector', '❤️', 1],
    ['keycap', '1️⃣', 1],
    ['flag pair', '🇫🇷', 1],
    ['two flags', '🇫🇷🇩🇪', 2],
    ['odd regional indicators', '🇫🇷🇩', 2],
    ['tag sequence flag', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', 1],
    ['Hangul jamo', '\u1100\u1161\u11A8', 1],
    ['Hangul syllables', '한국어', 3],
    ['CJK', '日本語のテキスト', 8],
    ['Arabic with harakat', 'مَرْحَبًا', 5],
    ['Hebrew', 'שָׁלוֹם', 4],
    ['lone surrogate', '\uD83D', 1],
    ['emoji between text', 'a👩‍💻b', 3],
  ])('counts %s', (_name, text, expected) => {
    expect(countGraphemes(text)).toBe(expected);
    expect(segmentGraphemes(text).join('')).toBe(text);
  });

  it('truncates without splitting a cluster', () => {
    expect(truncateToGraphemes('ab👨‍👩‍👧cd', 3)).toBe('ab👨‍👩‍👧');
    expect(truncateToGraphemes('e\u0301x', 1)).toBe('e\u0301');
    expect(truncateToGraphemes('abc', 10)).toBe('abc');
    expect(graphemeOffset('🇫🇷x', 1)).toBe(4);
  });

  it('cuts at the last word boundary that fits', () => {
    expect(cutAtWordBoundary('Spend less time on expenses', 14)).toBe('Spend less');
    expect(cutAtWordBoundary('Spend less, time', 13)).toBe('Spend less');
    expect(cutAtWordBoundary('Short', 10)).toBe('Short');
    expect(cutAtWordBoundary('Supercalifragilistic', 5)).toBe('Super');
    expect(cutAtWordBoundary('Glow 🌿 naturally', 6)).toBe('Glow 🌿');
  });
});

describe('cutting long text', () => {
  it('stays linear on long runs of spaces', () => {
    expect(cutAtWordBoundary(`a${' '.repeat(100_000)}b`, 50_000)).toBe('a');
  });
});
