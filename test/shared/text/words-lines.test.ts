import { describe, expect, it } from 'vitest';
import { countWords, LineMap, lineColumn, wordSpans } from '../../../shared/src/text';

describe('words', () => {
  it.each([
    ['English', 'The quick brown fox.', 4],
    ['contractions and hyphens', "Don't re-enter the e-mail", 4],
    ['numbers with separators', 'Save 3.5 hours and $1,200', 5],
    ['Chinese counts each character', '我们的产品', 5],
    ['Japanese mixed with Latin', 'Ledgerlineで経費', 4],
    ['Korean by spaces', '한국어 텍스트', 2],
    ['Arabic', 'مرحبا بالعالم', 2],
    ['combining marks stay inside words', 'cafe\u0301 au lait', 3],
    ['emoji are not words', '🎉 🎉', 0],
  ])('counts %s', (_name, text, expected) => {
    expect(countWords(text)).toBe(expected);
    expect(wordSpans(text)).toHaveLength(expected);
  });

  it('gives word offsets in UTF-16 units', () => {
    expect(wordSpans('👍 ok')).toEqual([{ start: 3, end: 5, text: 'ok' }]);
  });
});

describe('line and column', () => {
  it.each([
    ['first character', 'abc', 0, 1, 1],
    ['after LF', 'ab\ncd', 3, 2, 1],
    ['after CRLF', 'ab\r\ncd', 5, 2, 2],
    ['after lone CR', 'ab\rcd', 3, 2, 1],
    ['UTF-16 columns after an emoji', '😀x', 2, 1, 3],
    ['end of text', 'a\n', 2, 2, 1],
  ])('maps %s', (_name, text, offset, line, column) => {
    expect(lineColumn(text, offset)).toEqual({ line, column });
  });

  it('maps many offsets from one index', () => {
    const map = new LineMap('one\r\ntwo\nthree');
    expect([0, 5, 9, 13].map((offset) => map.position(offset))).toEqual([
      { line: 1, column: 1 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 3, column: 5 },
    ]);
  });
});

describe('word counting properties', () => {
  it('counts exactly the words wordSpans finds, for any text', async () => {
    const { default: fc } = await import('fast-check');
    const { countWords: count, wordSpans: spans } = await import('../../../shared/src/text');
    const piece = fc.oneof(fc.constantFrom("don't", 're-enter', '3.5', '1,200', '日本', 'Ledgerlineで', "’s", '-', '.', ',', "'", ' ', 'é', 'e\u0301', '👍', 'مرحبا', '\uD83D'), fc.string({ unit: 'binary', maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        expect(count(text)).toBe(spans(text).length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('words in ASCII text', () => {
  it('finds the same words as in text that is not ASCII-only', async () => {
    const { default: fc } = await import('fast-check');
    const { wordSpans: spans } = await import('../../../shared/src/text');
    const piece = fc.oneof(fc.constantFrom("don't", 're-enter', '3.5', '1,200', 'a.b', "x'", '-', '.', ',', "'", ' ', '\n'), fc.string({ unit: 'binary-ascii', maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        // A trailing " é" sends the text down the Unicode path; the ASCII words before it are unchanged.
        expect(spans(text)).toEqual(spans(`${text} é`).slice(0, -1));
      }),
      { numRuns: 500 },
    );
  });
});

describe('case folding', () => {
  it('folds one unit to one unit, as toLowerCase does where it keeps the length', async () => {
    const { foldUnit, unitsFoldingTo } = await import('../../../shared/src/text');
    for (let c = 0; c < 0x10000; c += 1) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const lower = String.fromCharCode(c).toLowerCase();
      expect(foldUnit(c)).toBe(lower.length === 1 ? lower.charCodeAt(0) : c);
    }
    expect(unitsFoldingTo('k'.charCodeAt(0))).toEqual(expect.arrayContaining([0x4b, 0x6b, 0x212a]));
  });
});
