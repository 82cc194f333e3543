import type { ImageCrop } from '../visual/snapshot';

/** The centred part of a picture with aspect `source` that covers a box with aspect `box`. */
export function coverCrop(source: number, box: number): ImageCrop {
  const round = (value: number) => Math.round(value * 10000) / 10000;
  if (box > source) {
    const height = source / box;
    return { x: 0, y: round((1 - height) / 2), width: 1, height: round(height) };
  }
  const width = box / source;
  return { x: round((1 - width) / 2), y: 0, width: round(width), height: 1 };
}
