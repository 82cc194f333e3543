import { deltaE2000 } from './ciede2000';
import { parseHex, toHex, type Rgb } from './hex';
import { rgbToLab } from './lab';

/** A named brand colour. */
export interface PaletteColor {
  name: string;
  hex: string;
}

/** The palette colour closest to `rgb` by ΔE00, with the distance; undefined for an empty palette. */
export function nearestPaletteColor(
  rgb: Rgb,
  palette: readonly PaletteColor[],
): { color: PaletteColor; hex: string; deltaE: number } | undefined {
  const lab = rgbToLab(rgb);
  let best: { color: PaletteColor; hex: string; deltaE: number } | undefined;
  for (const color of palette) {
    const entry = parseHex(color.hex);
    if (!entry) continue;
    const deltaE = deltaE2000(lab, rgbToLab(entry));
    if (!best || deltaE < best.deltaE) best = { color, hex: toHex(entry), deltaE };
  }
  return best;
}
