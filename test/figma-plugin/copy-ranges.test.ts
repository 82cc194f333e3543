import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { remapRanges } from '../../figma-plugin/src/main/copy-ranges';
import { withCopy } from '../../figma-plugin/src/main/plan-version';
import type { TextNode } from '../../shared/src/visual';

describe('styled runs in swapped copy', () => {
  it('follows its words into the new copy, whatever their case', () => {
    const old = 'Spring sale: save 30% on every plan';
    const runs = [{ start: 0, end: 18 }, { start: 18, end: 21 }, { start: 21, end: 35 }];
    expect(remapRanges(old, runs, 'Get 30% OFF today')).toEqual([{ start: 0, end: 17 }, { start: 4, end: 7 }, null]);
  });

  it('gives the main run the whole text and drops runs whose words are gone', () => {
    expect(remapRanges('Save BIG now', [{ start: 0, end: 5 }, { start: 5, end: 8 }, { start: 8, end: 12 }], 'Books closed')).toEqual([{ start: 0, end: 12 }, null, null]);
  });

  it('never returns a range outside the new text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.array(fc.nat(40), { maxLength: 6 }), (old, next, cuts) => {
        const points = [...new Set([0, ...cuts.map((cut) => cut % (old.length + 1)), old.length])].sort((a, b) => a - b);
        const runs = points.slice(1).map((end, index) => ({ start: points[index]!, end }));
        for (const range of remapRanges(old, runs, next)) if (range) expect(range.start >= 0 && range.end <= next.length && range.start < range.end).toBe(true);
      }),
    );
  });

  it('swaps copy in a snapshot only for #name layers, carrying runs', () => {
    const text: TextNode = {
      id: 't', name: '#headline', type: 'text', x: 0, y: 0, width: 100, height: 20, rotation: 0, visible: true, locked: false, opacity: 1,
      constraints: { horizontal: 'MIN', vertical: 'MIN' }, fills: [], characters: 'Save 30% now', fontFamily: 'Inter', fontStyle: 'Regular', fontSize: 20,
      letterSpacing: 0, textAutoResize: 'NONE', textAlignHorizontal: 'LEFT',
      segments: [{ start: 0, end: 5, fill: '#FFFFFF' }, { start: 5, end: 8, fill: '#3DDC97' }, { start: 8, end: 12, fill: '#FFFFFF' }],
    };
    const swapped = withCopy(text, { '#headline': 'Now 30% off for everyone' });
    expect(swapped.characters).toBe('Now 30% off for everyone');
    // The main (white) run covers the new copy; "30%" stays mint; " now" is gone, so its run goes.
    expect(swapped.segments).toEqual([{ start: 0, end: 24, fill: '#FFFFFF' }, { start: 4, end: 7, fill: '#3DDC97' }]);
    expect(withCopy({ ...text, name: 'Legal' }, { '#headline': 'x' })).toEqual({ ...text, name: 'Legal' });
  });
});
