import type { Lab } from './lab';

// CIEDE2000 colour difference, following G. Sharma, W. Wu, E. N. Dalal,
// "The CIEDE2000 Color-Difference Formula: Implementation Notes, Supplementary Test Data,
// and Mathematical Observations", Color Research & Application 30(1), 2005 (equations 1–22).
// Weights kL = kC = kH = 1 (reference conditions).

const deg = Math.PI / 180;
const pow25to7 = Math.pow(25, 7);
// Hue comparisons get a tiny tolerance: a pair whose hues differ by exactly 180° in exact
// arithmetic (Sharma's pair 14) must take the "≤ 180°" branch, not the side float rounding picks.
const hueSlack = 1e-9;

function hueAngle(b: number, a: number): number {
  if (a === 0 && b === 0) return 0;
  const h = Math.atan2(b, a) / deg;
  return h < 0 ? h + 360 : h;
}

/** ΔE00 between two Lab colours; about 1 is a just-noticeable difference. */
export function deltaE2000(lab1: Lab, lab2: Lab): number {
  const C1 = Math.hypot(lab1.a, lab1.b);
  const C2 = Math.hypot(lab2.a, lab2.b);
  const Cbar7 = Math.pow((C1 + C2) / 2, 7);
  const G = 0.5 * (1 - Math.sqrt(Cbar7 / (Cbar7 + pow25to7)));
  const a1 = (1 + G) * lab1.a;
  const a2 = (1 + G) * lab2.a;
  const C1p = Math.hypot(a1, lab1.b);
  const C2p = Math.hypot(a2, lab2.b);
  const h1p = hueAngle(lab1.b, a1);
  const h2p = hueAngle(lab2.b, a2);

  const dL = lab2.L - lab1.L;
  const dC = C2p - C1p;
  let dh = 0;
  if (C1p * C2p !== 0) {
    dh = h2p - h1p;
    if (dh > 180 + hueSlack) dh -= 360;
    else if (dh < -180 - hueSlack) dh += 360;
  }
  const dH = 2 * Math.sqrt(C1p * C2p) * Math.sin((dh / 2) * deg);

  const Lbar = (lab1.L + lab2.L) / 2;
  const Cbarp = (C1p + C2p) / 2;
  let hbar = h1p + h2p;
  if (C1p * C2p !== 0) {
    if (Math.abs(h1p - h2p) <= 180 + hueSlack) hbar /= 2;
    else hbar = hbar < 360 ? (hbar + 360) / 2 : (hbar - 360) / 2;
  }
  const T =
    1 -
    0.17 * Math.cos((hbar - 30) * deg) +
    0.24 * Math.cos(2 * hbar * deg) +
    0.32 * Math.cos((3 * hbar + 6) * deg) -
    0.2 * Math.cos((4 * hbar - 63) * deg);
  const dTheta = 30 * Math.exp(-Math.pow((hbar - 275) / 25, 2));
  const Cbarp7 = Math.pow(Cbarp, 7);
  const RC = 2 * Math.sqrt(Cbarp7 / (Cbarp7 + pow25to7));
  const Lm50 = Math.pow(Lbar - 50, 2);
  const SL = 1 + (0.015 * Lm50) / Math.sqrt(20 + Lm50);
  const SC = 1 + 0.045 * Cbarp;
  const SH = 1 + 0.015 * Cbarp * T;
  const RT = -Math.sin(2 * dTheta * deg) * RC;
  const tL = dL / SL;
  const tC = dC / SC;
  const tH = dH / SH;
  return Math.sqrt(tL * tL + tC * tC + tH * tH + RT * tC * tH);
}
