/** Where one version goes inside its section. */
export interface GridCell {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Lays versions out in rows, left to right in the order given, wrapping when a row would pass
 * `maxRowWidth` (by default the larger of 4,000 px and the widest version). Each row is as tall as
 * its tallest version, and `gap` separates versions and rows. Returns the cells in input order
 * and the total size the section needs.
 */
export function layoutGrid(
  sizes: readonly { width: number; height: number }[],
  gap: number,
  maxRowWidth = Math.max(4000, ...sizes.map((size) => size.width)),
): { cells: GridCell[]; width: number; height: number } {
  const cells: GridCell[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let width = 0;
  for (const size of sizes) {
    if (x > 0 && x + size.width > maxRowWidth) {
      y += rowHeight + gap;
      x = 0;
      rowHeight = 0;
    }
    cells.push({ x, y, width: size.width, height: size.height });
    width = Math.max(width, x + size.width);
    rowHeight = Math.max(rowHeight, size.height);
    x += size.width + gap;
  }
  return { cells, width, height: sizes.length ? y + rowHeight : 0 };
}
