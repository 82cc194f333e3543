/**
 * Aspect classes by r = width / height (the boundaries are ours; IAB's flexible grid spans 1:1 to
 * 8:1 and 16:9): strip ≥ 5 (728×90, 320×50), wide 2.5–5 (970×250), landscape 1.4–2.5 (1200×628,
 * 1600×900), near-square 0.75–1.4 (300×250, 1080×1080), portrait 0.45–0.75 (300×600, 1080×1920),
 * skyscraper below 0.45 (160×600).
 */
export type AspectClass = 'strip' | 'wide' | 'landscape' | 'square' | 'portrait' | 'skyscraper';

/** The aspect class of a width × height. */
export function aspectClass(width: number, height: number): AspectClass {
  const r = width / height;
  if (r >= 5) return 'strip';
  if (r >= 2.5) return 'wide';
  if (r >= 1.4) return 'landscape';
  if (r >= 0.75) return 'square';
  if (r >= 0.45) return 'portrait';
  return 'skyscraper';
}
