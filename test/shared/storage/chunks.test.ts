import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinChunks, splitUtf8Chunks } from '../../../shared/src/storage';

const utf8 = (text: string) => new TextEncoder().encode(text).length;

describe('splitUtf8Chunks', () => {
  it('keeps every piece within the byte limit and never splits a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.integer({ min: 4, max: 64 }), (text, maxBytes) => {
        const chunks = splitUtf8Chunks(text, maxBytes);
        expect(joinChunks(chunks)).toBe(text);
        for (const chunk of chunks) {
          expect(utf8(chunk)).toBeLessThanOrEqual(maxBytes);
          expect(chunk).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('counts emoji as four bytes', () => {
    expect(splitUtf8Chunks('😀😀😀', 8)).toEqual(['😀😀', '😀']);
  });
});
