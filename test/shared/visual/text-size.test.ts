import { describe, expect, it } from 'vitest';
import { checkCreative, minTextSizeFor, sizeClass } from '../../../shared/src/visual';
import { frame, snapshot, text, visualKit } from '../../fixtures/snapshots/build';

const rule = { minTextSize: { default: 14, classes: { small: 10, medium: 12 }, formats: [{ name: 'leaderboard', width: 728, height: 90, minimum: 11 }] } };

describe('minimum text size', () => {
  it.each([
    [320, 50, 'small', 10],
    [728, 90, 'small', 11], // exact format beats the class
    [300, 250, 'medium', 12],
    [1080, 1080, 'large', 14], // no large class: the default
  ] as const)('for %i×%i (%s) is %i px', (w, h, cls, min) => {
    expect(sizeClass(w, h)).toBe(cls);
    expect(minTextSizeFor(visualKit(rule), w, h)).toBe(min);
  });

  it('is undefined when the kit sets none', () => expect(minTextSizeFor(visualKit({}), 300, 250)).toBeUndefined());

  const check = (size: number, scale = 1, extra = {}) =>
    checkCreative(snapshot(frame('root', [0, 0, 300, 250], [text('body', [10, 10, 200, 40], 'Small print', size, extra)])), { visual: visualKit(rule) }, { scale }).filter(
      (f) => f.rule === 'visual.text-size',
    );

  it('passes text at the minimum and flags text below it, with a fix to raise it', () => {
    expect(check(12)).toEqual([]);
    const [finding] = check(11);
    expect(finding).toMatchObject({ severity: 'error', match: '11px', fix: { kind: 'fontSize', nodeId: 'body', size: 12 } });
    expect(finding!.message).toMatch(/11 px at 300×250; the kit's minimum there is 12 px/);
  });

  it('judges at the output pixel size: 2× export doubles the text and picks the 600×500 class', () => {
    // 600×500 at 2× is medium (12 px); 7 px design text becomes 14 output pixels.
    expect(check(7, 2)).toEqual([]);
    const [finding] = check(5, 2);
    expect(finding!.fix).toEqual({ kind: 'fontSize', nodeId: 'body', size: 6 });
  });

  it('looks at the smallest styled range', () => {
    const [finding] = check(16, 1, { segments: [{ start: 0, end: 5, fontSize: 8 }] });
    expect(finding!.match).toBe('8px');
  });
});
