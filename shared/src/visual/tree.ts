import type { CreativeSnapshot, SnapshotNode } from './snapshot';

/** An axis-aligned box in the root frame's coordinates. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A visible layer with its box in root coordinates, in paint order (bottom first, as Figma draws). */
export interface PlacedNode {
  node: SnapshotNode;
  rect: Rect;
  /** Opacity after multiplying every ancestor's. */
  opacity: number;
  /** Ids of the ancestors, root first. */
  ancestors: string[];
  /** Position in paint order; a higher number is drawn on top. */
  order: number;
}

/**
 * Every visible layer under the root (the root itself first), in paint order. Hidden layers and
 * their children are left out. Rotation is ignored: a rotated layer is checked by its unrotated box.
 */
export function placeNodes(root: CreativeSnapshot): PlacedNode[] {
  const out: PlacedNode[] = [];
  const visit = (node: SnapshotNode, originX: number, originY: number, opacity: number, ancestors: string[]) => {
    if (!node.visible) return;
    const rect = { x: originX + node.x, y: originY + node.y, width: node.width, height: node.height };
    const own = opacity * node.opacity;
    out.push({ node, rect, opacity: own, ancestors, order: out.length });
    if (node.type === 'frame' || node.type === 'group') {
      const inner = [...ancestors, node.id];
      for (const child of node.children) visit(child, rect.x, rect.y, own, inner);
    }
  };
  // The root's own x/y is its place on the canvas; checks work inside it.
  visit({ ...root, x: 0, y: 0 }, 0, 0, 1, []);
  return out;
}

/** True when the layer paints anything: a visible fill with some opacity. */
export function isPainted(node: SnapshotNode): boolean {
  return node.fills.some((paint) => paint.visible && paint.opacity > 0);
}

/** True when `outer` holds all of `inner`. */
export function contains(outer: Rect, inner: Rect): boolean {
  return (
    outer.x <= inner.x &&
    outer.y <= inner.y &&
    outer.x + outer.width >= inner.x + inner.width &&
    outer.y + outer.height >= inner.y + inner.height
  );
}

/** True when the boxes share some area (touching edges do not count). */
export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The box grown by `by` on every side. */
export function inflate(rect: Rect, by: number): Rect {
  return { x: rect.x - by, y: rect.y - by, width: rect.width + 2 * by, height: rect.height + 2 * by };
}

/** The logo layers: visible layers whose name contains the pattern, ignoring case; a logo inside a logo counts once. */
export function findLogos(placed: readonly PlacedNode[], pattern: string): PlacedNode[] {
  const needle = pattern.toLowerCase();
  const logos = placed.filter((entry) => entry.order > 0 && entry.node.name.toLowerCase().includes(needle));
  const ids = new Set(logos.map((entry) => entry.node.id));
  return logos.filter((entry) => !entry.ancestors.some((id) => ids.has(id)));
}

/**
 * Whether `other` is scenery behind `target` rather than a neighbour: an ancestor, or a layer drawn
 * earlier whose box holds the target's (a background, a card, a button plate).
 */
export function isBackdropOf(other: PlacedNode, target: PlacedNode): boolean {
  if (target.ancestors.includes(other.node.id)) return true;
  return other.order < target.order && contains(other.rect, target.rect);
}
