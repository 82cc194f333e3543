import type { Rgb } from './hex';
import { srgbToLinear } from './lab';

// WCAG 2.x relative luminance and contrast ratio (https://www.w3.org/TR/WCAG22/#dfn-relative-luminance).
// The ratio is never rounded: #777777 on white is 4.478… and fails AA, #767676 is 4.54… and passes.

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance({ r, g, b }: Rgb): number {
  return 0.2126 * srgbToLinear(r) + 0.7152 * srgbToLinear(g) + 0.0722 * srgbToLinear(b);
}

/** WCAG contrast ratio between two opaque colours, 1 to 21, unrounded. */
export function contrastRatio(first: Rgb, second: Rgb): number {
  const l1 = relativeLuminance(first);
  const l2 = relativeLuminance(second);
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
}

export type ContrastLevel = 'AA' | 'AAA';

/** Large text per WCAG: at least 24 px, or at least 18.66 px (14 pt) when bold. */
export function isLargeText(sizePx: number, bold: boolean): boolean {
  return sizePx >= 24 || (bold && sizePx >= 18.66);
}

/** The smallest passing ratio: AA 4.5 (large 3), AAA 7 (large 4.5). */
export function requiredContrast(level: ContrastLevel, large: boolean): number {
  if (level === 'AAA') return large ? 4.5 : 7;
  return large ? 3 : 4.5;
}
