import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyStyle } from '../../../shared/src/lint';

describe('case styles on ASCII text', () => {
  it('style ASCII text as they style the same words in text beyond ASCII', () => {
    const exceptions = new Set(['Ledgerline', 'CFO']);
    const piece = fc.oneof(
      fc.constantFrom('the', 'Books', 'in', 'days', 'ROI', 'iPhone', 'CFO', 'ledgerline', "don't", 'x2', 'A', ': ', '. ', '! ', ' - ', ' ', '\n', '#', '3.5'),
      fc.string({ unit: 'binary-ascii', maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), fc.constantFrom('title', 'sentence', 'upper', 'lower') as fc.Arbitrary<'title' | 'sentence' | 'upper' | 'lower'>, (parts, style) => {
        const text = parts.join('');
        // A closing "€" (no letter, digit or colon) sends the text down the Unicode path and changes no word's case.
        expect(`${applyStyle(text, style, exceptions)}\n\n€`).toBe(applyStyle(`${text}\n\n€`, style, exceptions));
      }),
      { numRuns: 600 },
    );
  });
});
