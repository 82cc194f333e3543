import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { claimPatterns } from '../../../shared/src/lint/claims';
import { compilePattern, eachMatch } from '../../../shared/src/lint/pattern';
import { parseKit } from '../../../shared/src/kit';

const matchAll = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => [m.index, m[0], m.groups ? JSON.stringify(m.groups) : '']);

function viaTwin(pattern: ReturnType<typeof compilePattern>, text: string, ascii: boolean) {
  const out: (string | number)[][] = [];
  eachMatch(pattern, text, ascii, (m) => out.push([m.index, m[0], m.groups ? JSON.stringify(m.groups) : '']));
  return out;
}

const asciiText = fc
  .array(
    fc.oneof(
      fc.constantFrom('best', 'Free', 'fee-free', '30 %', '4,000', '5 days', '$20', '20 USD', 'ROI', 'never', 'is approved', 'K', 's', '-', ' ', '\n', '#1', '3x', '4.5/5'),
      fc.string({ unit: 'binary-ascii', maxLength: 3 }),
    ),
    { maxLength: 16 },
  )
  .map((parts) => parts.join(''));

describe('ASCII twins of kit patterns', () => {
  it('find exactly what the Unicode claim patterns find in ASCII text', () => {
    const parsed = parseKit({ schemaVersion: 1, name: 'Twins', version: '1.0.0', claims: { review: ['numbers'], words: { finance: ['audit-proof'], superlatives: ['number-one'] } } });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const patterns = [...claimPatterns(parsed.value).values()];
    expect(patterns.every((p) => p.ascii)).toBe(true);
    fc.assert(
      fc.property(asciiText, (text) => {
        for (const pattern of patterns) expect(viaTwin(pattern, text, true)).toEqual(matchAll(pattern.full, text));
      }),
      { numRuns: 400 },
    );
  });

  it('rule out a claim category only when its pattern cannot match', () => {
    const parsed = parseKit({ schemaVersion: 1, name: 'Needs', version: '1.0.0' });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const patterns = claimPatterns(parsed.value);
    // Were a kit to bring its own number words, which need no digit, the category would keep no quick test.
    const claims = { ...parsed.value.claims!, words: { ...parsed.value.claims!.words, numbers: ['a dozen'] } };
    expect(claimPatterns({ ...parsed.value, claims } as typeof parsed.value).get('numbers')!.needs).toBeUndefined();
    expect(patterns.get('numbers')!.needs).toBeDefined();
    const guarded = [...patterns.values()].filter((p) => p.needs);
    expect(guarded.length).toBeGreaterThan(0);
    const text = fc
      .array(fc.oneof(asciiText, fc.constantFrom('€', '×', 'FREE', 'ＦＲＥＥ', 'ﬀree', '٣', '５', '½', ' ')), { maxLength: 4 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        for (const pattern of guarded) if (!pattern.needs!.test(t)) expect(matchAll(pattern.full, t)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('match kit patterns with properties, groups and empty matches as matchAll does', () => {
    const sources = [String.raw`\b(?:is|are)\s[a-z]+ed\b`, String.raw`(?<![-\p{L}])free\b`, String.raw`(?<k0>\bA\/P\b)|(?<k1>x*)`, String.raw`[^\p{L}\p{N}]+`, String.raw`\p{L}{2,}`];
    for (const source of sources) {
      for (const flags of ['giu', 'gu']) {
        const pattern = compilePattern(source, flags);
        expect(pattern.ascii).toBeDefined();
        fc.assert(
          fc.property(asciiText, (text) => {
            expect(viaTwin(pattern, text, true)).toEqual(matchAll(pattern.full, text));
          }),
          { numRuns: 200 },
        );
      }
    }
  });

  it('gets no twin where the modes could differ, and the full pattern still runs', () => {
    for (const source of [String.raw`\p{Lu}`, String.raw`\u017F`, 'ſ', String.raw`\W`, '😀?x', String.raw`\x41`]) {
      const pattern = compilePattern(source, 'giu');
      expect(pattern.ascii).toBeUndefined();
      expect(viaTwin(pattern, 'sSxAa K', true)).toEqual(matchAll(pattern.full, 'sSxAa K'));
    }
  });

  it('steps over a whole surrogate pair after an empty match in Unicode text', () => {
    const pattern = compilePattern('x*', 'gu');
    expect(viaTwin(pattern, 'a👍b', false)).toEqual(matchAll(pattern.full, 'a👍b'));
  });
});
