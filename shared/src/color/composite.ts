import type { Rgb } from './hex';

/** Paints `top` at `alpha` (0–1) over an opaque `bottom` ("source over" in sRGB, as Figma and browsers blend). */
export function compositeOver(top: Rgb, alpha: number, bottom: Rgb): Rgb {
  const a = Math.min(1, Math.max(0, alpha));
  return {
    r: top.r * a + bottom.r * (1 - a),
    g: top.g * a + bottom.g * (1 - a),
    b: top.b * a + bottom.b * (1 - a),
  };
}
