import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseKitJson, type BrandKit } from '../../../shared/src/kit';
import { fixAll as fixAllWith, lintText, type LintOptions } from '../../../shared/src/lint';

const kitOf = (name: string): BrandKit => {
  const parsed = parseKitJson(readFileSync(new URL(`../../../examples/kits/${name}.json`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
};
const kits = { ledgerline: kitOf('ledgerline'), 'juniper-oak': kitOf('juniper-oak') };

/** Fix-all over the kit; the headings option may depend on the text (the whole text as one heading). */
const fixAll = (text: string, kit: BrandKit, options: LintOptions | ((t: string) => LintOptions)) =>
  fixAllWith(text, (t) => lintText(t, kit, typeof options === 'function' ? options(t) : options).findings).text;

// Words the example kits fix (terms, swaps, product names, capitals) mixed with plain ones.
const word = fc.constantFrom(
  'Here', 'here', 'HERE', 'ledgerline', 'LEDGERLINE', 'Ledgerline', 'utilize', 'Utilize', 'leverage', 'e-mail', 'A/P', 'quickbooks', 'netsuite',
  'the', 'The', 'and', 'AND', 'is', 'Pay', 'bill pay', 'juniper & oak', 'cedar balm', 'Cedar Balm', 'very', 'very very', 'CFO', 'STOP', 'free', 'best',
);
const text = fc.array(fc.tuple(word, fc.constantFrom(' ', ' ', ', ', '. ', '\n', '\n\n# ', '! ')), { minLength: 1, maxLength: 14 }).map((parts) => parts.map(([w, s]) => w + s).join('').trim());

describe('fix-all', () => {
  it('settles the search ad headline that the title-case and sentence-case rules used to flip', () => {
    const kit = kits.ledgerline;
    const headline = 'Close the books here';
    const options = (t: string) => ({ channel: 'search-ad-headline', headings: [{ start: 0, end: t.length }] });
    const once = fixAll(headline, kit, options);
    expect(fixAll(once, kit, options)).toBe(once);
  });

  it('refuses the fixes of rules that keep undoing each other, and keeps the rest', () => {
    const finding = (rule: string, start: number, match: string, suggestion: string) =>
      ({ rule, severity: 'warning', message: 'm', start, end: start + match.length, line: 1, column: start + 1, match, suggestions: [suggestion] }) as const;
    // Two rules that flip one word for ever, and one typo that settles.
    const lint = (t: string) => [
      ...(t.startsWith('Here') ? [finding('capitalization.one', 0, 'Here', 'here')] : [finding('capitalization.two', 0, 'here', 'Here')]),
      ...(t.includes('teh') ? [finding('terms.misspelling', t.indexOf('teh'), 'teh', 'the')] : []),
    ];
    const result = fixAllWith('Here is teh plan', (t) => lint(t).map((f) => ({ ...f, suggestions: [...f.suggestions] })));
    expect(result.refused.sort()).toEqual(['capitalization.one', 'capitalization.two']);
    expect(result.text).toBe('Here is the plan');
  });

  it('reaches a fixed point in one pass on generated texts, channels and headings', () => {
    const channels = [undefined, 'search-ad-headline', 'email-subject', 'sms', 'social-post', 'paid-social-headline'];
    fc.assert(
      fc.property(text, fc.constantFrom(...(Object.keys(kits) as (keyof typeof kits)[])), fc.constantFrom(...channels), fc.boolean(), (input, name, channel, wholeHeading) => {
        const kit = kits[name];
        const options = (t: string): LintOptions => ({ channel, headings: wholeHeading ? [{ start: 0, end: t.length }] : undefined });
        const once = fixAll(input, kit, options);
        expect(fixAll(once, kit, options)).toBe(once);
      }),
      { numRuns: 400 },
    );
  });
});

describe('case-style rules that disagree', () => {
  it('report a search ad headline that is also a heading without a fix that the other rule would undo', () => {
    const kit = kits.ledgerline;
    for (const headline of ['Close the books here', 'Close the Books Here']) {
      const findings = lintText(headline, kit, { channel: 'search-ad-headline', headings: [{ start: 0, end: headline.length }] }).findings;
      expect(findings.map((f) => f.rule)).toHaveLength(1);
      expect(findings[0]!.suggestions).toEqual([]);
    }
    // Each rule alone still fixes.
    expect(lintText('Close the books here', kit, { channel: 'search-ad-headline' }).findings[0]!.suggestions).toEqual(['Close the Books Here']);
  });
});
