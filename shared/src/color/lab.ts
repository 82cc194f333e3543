import type { Rgb } from './hex';

/** A CIELAB colour (D65 white, 2° observer). */
export interface Lab {
  L: number;
  a: number;
  b: number;
}

/** sRGB transfer function, inverse: IEC 61966-2-1 (the 0.04045 threshold WCAG also uses). */
export function srgbToLinear(channel8: number): number {
  const c = channel8 / 255;
  return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
}

// Linear sRGB → XYZ matrix for D65 (IEC 61966-2-1), and the D65 reference white with Y = 1.
const white = { x: 0.95047, y: 1, z: 1.08883 };

/** sRGB → CIE XYZ (D65, Y of white = 1). */
export function rgbToXyz({ r, g, b }: Rgb): { x: number; y: number; z: number } {
  const lr = srgbToLinear(r);
  const lg = srgbToLinear(g);
  const lb = srgbToLinear(b);
  return {
    x: 0.4124564 * lr + 0.3575761 * lg + 0.1804375 * lb,
    y: 0.2126729 * lr + 0.7151522 * lg + 0.072175 * lb,
    z: 0.0193339 * lr + 0.119192 * lg + 0.9503041 * lb,
  };
}

// CIE 1976 L*a*b*: ε = 216/24389 and κ = 24389/27 are the exact CIE constants.
const epsilon = 216 / 24389;
const kappa = 24389 / 27;
const f = (t: number) => (t > epsilon ? Math.cbrt(t) : (kappa * t + 16) / 116);

/** sRGB → CIELAB through linear light and D65 XYZ. */
export function rgbToLab(rgb: Rgb): Lab {
  const { x, y, z } = rgbToXyz(rgb);
  const fx = f(x / white.x);
  const fy = f(y / white.y);
  const fz = f(z / white.z);
  return { L: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz) };
}
