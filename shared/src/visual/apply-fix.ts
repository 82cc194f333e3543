import type { VisualFix } from './finding';
import type { CreativeSnapshot, SnapshotNode, TextNode } from './snapshot';

/**
 * Applies fixes to a copy of the snapshot, as the plugin would to the layers: a preview, and the
 * reference the plugin's host code is tested against. A fix whose layer, paint or range no longer
 * matches (the creative was edited since the check) is skipped and returned in `skipped`.
 */
export function applyVisualFixes(
  snapshot: CreativeSnapshot,
  fixes: readonly VisualFix[],
): { snapshot: CreativeSnapshot; skipped: VisualFix[] } {
  const skipped: VisualFix[] = [];
  let root = snapshot;
  for (const fix of fixes) {
    let applied = false;
    root = mapNode(root, fix.nodeId, (node) => {
      const next = applyOne(node, fix);
      applied = next !== node;
      return next;
    });
    if (!applied) skipped.push(fix);
  }
  return { snapshot: root, skipped };
}

function applyOne(node: SnapshotNode, fix: VisualFix): SnapshotNode {
  if (fix.kind === 'fill') {
    const paint = node.fills[fix.paintIndex];
    if (paint?.type !== 'SOLID') return node;
    return { ...node, fills: node.fills.map((p, i) => (i === fix.paintIndex ? { ...paint, color: fix.hex } : p)) };
  }
  if (node.type !== 'text') return node;
  if (fix.kind === 'fontSize') return raiseText(node, fix.size);
  const segments = node.segments ?? [];
  const index = segments.findIndex((s) => s.start === fix.start && s.end === fix.end);
  if (index < 0 || fix.end > node.characters.length) return node;
  return { ...node, segments: segments.map((s, i) => (i === index ? { ...s, fill: fix.hex } : s)) };
}

// Raises every run below `size` to `size`; larger runs keep theirs.
function raiseText(node: TextNode, size: number): TextNode {
  const segments = node.segments?.map((s) => (s.fontSize !== undefined && s.fontSize < size ? { ...s, fontSize: size } : s));
  return { ...node, fontSize: Math.max(node.fontSize, size), ...(segments ? { segments } : {}) };
}

function mapNode<T extends SnapshotNode>(node: T, id: string, change: (node: SnapshotNode) => SnapshotNode): T {
  if (node.id === id) return change(node) as T;
  if (node.type !== 'frame' && node.type !== 'group') return node;
  return { ...node, children: node.children.map((child) => mapNode(child, id, change)) };
}
