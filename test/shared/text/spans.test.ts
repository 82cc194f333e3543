import { describe, expect, it } from 'vitest';
import { countSyllables, findSkipSpans, fleschKincaidGrade, paragraphSpans, readingStats, sentenceSpans, SkipIndex } from '../../../shared/src/text';

const kinds = (text: string) => findSkipSpans(text).map((span) => [span.kind, text.slice(span.start, span.end)]);

describe('skip spans', () => {
  it.each([
    ['a URL without its full stop', 'See https://example.com/a?b=1.', [['urls', 'https://example.com/a?b=1']]],
    ['a www link', 'Go to www.ledgerline.io, now', [['urls', 'www.ledgerline.io']]],
    ['a bracketed URL keeps its own bracket', '(https://en.wikipedia.org/wiki/A_(b))', [['urls', 'https://en.wikipedia.org/wiki/A_(b)']]],
    ['an email address', 'Write to help@juniper-oak.com.', [['emails', 'help@juniper-oak.com']]],
    ['a handle is not an email', 'Follow @juniperoak', []],
    ['straight quotes', 'She said "utilize it" twice', [['quotes', '"utilize it"']]],
    ['curly quotes', 'He wrote “best ever” once', [['quotes', '“best ever”']]],
    ['inline code', 'Run `npm utilize` now', [['code', '`npm utilize`']]],
    ['fenced code', 'a\n```\nx\n```\nb', [['code', '```\nx\n```']]],
  ])('finds %s', (_name, text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it('answers overlap questions per kind', () => {
    const index = new SkipIndex(findSkipSpans('x "quoted" y https://a.io z'));
    expect(index.overlaps(3, 9, ['quotes'])).toBe(true);
    expect(index.overlaps(3, 9, ['urls'])).toBe(false);
    expect(index.overlaps(0, 1, ['quotes', 'urls'])).toBe(false);
  });

  it('stays fast on a long run of letters before an @', () => {
    expect(findSkipSpans('a'.repeat(50_000) + '@')).toEqual([]);
  });
});

describe('sentences and readability', () => {
  it.each([
    ['two sentences', 'One here. Two there!', ['One here.', 'Two there!']],
    ['abbreviations do not end sentences', 'Use e.g. this. Then stop.', ['Use e.g. this.', 'Then stop.']],
    ['blank lines end sentences', 'Heading\n\nBody text', ['Heading', 'Body text']],
    ['list items end sentences', 'Benefits:\n- Fast\n- Simple', ['Benefits:', '- Fast', '- Simple']],
    ['CJK full stops', '素晴らしい。最高です。', ['素晴らしい。', '最高です。']],
    ['CRLF paragraphs', 'One\r\n\r\nTwo', ['One', 'Two']],
  ])('splits %s', (_name, text, expected) => {
    expect(sentenceSpans(text).map((span) => text.slice(span.start, span.end))).toEqual(expected);
  });

  it('splits paragraphs on blank lines', () => {
    const text = 'a\nb\n\n  c\r\n\r\nd';
    expect(paragraphSpans(text).map((span) => text.slice(span.start, span.end))).toEqual(['a\nb', 'c', 'd']);
  });

  it.each([
    ['cat', 1],
    ['table', 2],
    ['readability', 5],
    ['spend', 1],
    ['finance', 2],
    ['beautiful', 3],
    ['wanted', 2],
    ['hoped', 1],
    ['hopes', 1],
  ])('counts syllables in %s', (word, expected) => {
    expect(countSyllables(word)).toBe(expected);
  });

  it('counts syllables by the vowel-group rule for any word', async () => {
    const { default: fc } = await import('fast-check');
    // The rule as written in regular expressions: vowel groups after the silent-e corrections.
    const byRule = (word: string) => {
      const w = word.toLowerCase().replace(/[^a-z]/g, '');
      if (!w) return /\p{N}/u.test(word) ? 1 : 0;
      if (w.length <= 3) return 1;
      const stem = w.replace(/(?:[^laeiouy]es|[^laeiouydt]ed|[^laeiouy]e)$/, (m) => m[0]!).replace(/^y/, '');
      return Math.max(1, stem.match(/[aeiouy]+/g)?.length ?? 0);
    };
    const letters = fc.constantFrom(...'aeiouyAEYlsdtbcrKİ1é-\''.split(''), 'es', 'ed', 'le', 'ye', 'K');
    fc.assert(
      fc.property(fc.array(letters, { maxLength: 10 }), (parts) => {
        const word = parts.join('');
        expect(countSyllables(word)).toBe(byRule(word));
      }),
      { numRuns: 1000 },
    );
  });

  it('computes the Flesch–Kincaid grade with the published formula', () => {
    const stats = readingStats('The cat sat on the mat.');
    expect(stats).toEqual({ words: 6, sentences: 1, syllables: 6 });
    expect(fleschKincaidGrade(stats)).toBeCloseTo(0.39 * 6 + 11.8 * 1 - 15.59, 10);
  });
});
