import { describe, expect, it } from 'vitest';
import {
  compositeOver,
  contrastRatio,
  isLargeText,
  nearestPaletteColor,
  normalizeHex,
  parseHex,
  relativeLuminance,
  requiredContrast,
  toHex,
} from '../../../shared/src/color';

const rgb = (hex: string) => parseHex(hex)!;

describe('hex colours', () => {
  it.each([
    ['#0B1F3A', { r: 11, g: 31, b: 58 }],
    ['0b1f3a', { r: 11, g: 31, b: 58 }],
    ['#fff', { r: 255, g: 255, b: 255 }],
    [' #14B8A6 ', { r: 20, g: 184, b: 166 }],
  ])('reads %s', (text, expected) => expect(parseHex(text)).toEqual(expected));

  it.each(['#12345', 'red', '#GGGGGG', '', '#1234567'])('refuses %j', (text) => expect(parseHex(text)).toBeUndefined());

  it('writes upper-case #RRGGBB, rounding and clamping', () => {
    expect(toHex({ r: 11.4, g: 30.6, b: 300 })).toBe('#0B1FFF');
    expect(normalizeHex('#abc')).toBe('#AABBCC');
  });
});

describe('WCAG contrast', () => {
  it('gives white a luminance of 1 and black 0', () => {
    expect(relativeLuminance(rgb('#FFFFFF'))).toBe(1);
    expect(relativeLuminance(rgb('#000000'))).toBe(0);
  });

  it('never rounds: #777777 on white is 4.48 and fails AA, #767676 is 4.54 and passes', () => {
    const grey77 = contrastRatio(rgb('#777777'), rgb('#FFFFFF'));
    const grey76 = contrastRatio(rgb('#767676'), rgb('#FFFFFF'));
    expect(grey77).toBeCloseTo(4.478, 3);
    expect(grey77 < requiredContrast('AA', false)).toBe(true);
    expect(grey76).toBeCloseTo(4.542, 3);
    expect(grey76 >= requiredContrast('AA', false)).toBe(true);
  });

  it('is 21 for black on white, whichever is on top', () => {
    expect(contrastRatio(rgb('#000000'), rgb('#FFFFFF'))).toBe(21);
    expect(contrastRatio(rgb('#FFFFFF'), rgb('#000000'))).toBe(21);
  });

  it.each([
    [24, false, true],
    [23.9, false, false],
    [18.66, true, true],
    [18.6, true, false],
  ])('counts %d px (bold %s) as large text: %s', (size, bold, large) => expect(isLargeText(size, bold)).toBe(large));

  it.each([
    ['AA', false, 4.5],
    ['AA', true, 3],
    ['AAA', false, 7],
    ['AAA', true, 4.5],
  ] as const)('requires %s (large %s) at %d', (level, large, ratio) => expect(requiredContrast(level, large)).toBe(ratio));
});

describe('alpha compositing', () => {
  it('blends source over an opaque backdrop', () => {
    expect(compositeOver(rgb('#000000'), 0.5, rgb('#FFFFFF'))).toEqual({ r: 127.5, g: 127.5, b: 127.5 });
    expect(compositeOver(rgb('#14B8A6'), 1, rgb('#FFFFFF'))).toEqual(rgb('#14B8A6'));
    expect(compositeOver(rgb('#14B8A6'), 0, rgb('#0B1F3A'))).toEqual(rgb('#0B1F3A'));
  });
});

describe('nearest palette colour', () => {
  const palette = [
    { name: 'Navy', hex: '#0B1F3A' },
    { name: 'Teal', hex: '#14B8A6' },
    { name: 'White', hex: '#FFFFFF' },
    { name: 'Slate', hex: '#475569' },
  ];

  it('finds the perceptually closest colour and its distance', () => {
    const near = nearestPaletteColor(rgb('#16BBA8'), palette)!;
    expect(near.color.name).toBe('Teal');
    expect(near.deltaE).toBeGreaterThan(0);
    expect(near.deltaE).toBeLessThan(2.3);
    expect(nearestPaletteColor(rgb('#0B1F3A'), palette)!.deltaE).toBe(0);
    expect(nearestPaletteColor(rgb('#4A5568'), palette)!.hex).toBe('#475569');
  });

  it('returns nothing for an empty palette', () => expect(nearestPaletteColor(rgb('#123456'), [])).toBeUndefined());
});
