import type { Constraint } from '../visual/snapshot';

/**
 * Where a child lands on one axis when its parent goes from `oldParent` to `newParent` pixels,
 * with the content scaled by `scale` first. With scale 1 this is exactly Figma's constraint rule:
 * MIN keeps the start margin, MAX the end margin, CENTER the offset from the centre, STRETCH both
 * margins (the size absorbs the change), SCALE keeps position and size as shares of the parent.
 * With another scale, the margins and the child's size scale too: the uniform "scale to fit,
 * then re-anchor" step of a big resize.
 */
export function placeOnAxis(
  constraint: Constraint,
  start: number,
  size: number,
  oldParent: number,
  newParent: number,
  scale: number,
): { start: number; size: number } {
  const scaled = size * scale;
  const endMargin = (oldParent - start - size) * scale;
  switch (constraint) {
    case 'MIN':
      return { start: start * scale, size: scaled };
    case 'MAX':
      return { start: newParent - endMargin - scaled, size: scaled };
    case 'CENTER':
      return { start: newParent / 2 + (start + size / 2 - oldParent / 2) * scale - scaled / 2, size: scaled };
    case 'STRETCH':
      return { start: start * scale, size: Math.max(0, newParent - start * scale - endMargin) };
    case 'SCALE': {
      const ratio = oldParent > 0 ? newParent / oldParent : scale;
      return { start: start * ratio, size: size * ratio };
    }
  }
}

/** Rounds to 1/100 px so plans are stable and readable; Figma keeps fractional positions anyway. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
