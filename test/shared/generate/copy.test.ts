import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { useKitTerms } from '../../../shared/src/generate/copy';
import { parseKit } from '../../../shared/src/kit';

describe('kit terms in drafts', () => {
  it('tidies the spacing of a draft with no kit terms in it', () => {
    const parsed = parseKit({ schemaVersion: 1, name: 'Tidy', version: '1.0.0', terms: [{ term: 'cheap', status: 'banned' }] });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    // Spacing as a draft should have it: runs of spaces become one, none before punctuation or at line ends.
    const tidied = (text: string) => text.replace(/[ \t]{2,}/g, ' ').replace(/ +([.,;:!?])/g, '$1').replace(/^ +| +$/gm, '');
    const piece = fc.constantFrom('Close', 'books', ' ', '  ', '\t', '\n', '.', ',', '!', '?', ':', ';', 'cheaper', '-');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (parts) => {
        const text = parts.join('');
        expect(useKitTerms(text, parsed.value)).toBe(tidied(text));
      }),
      { numRuns: 500 },
    );
  });
});
