import type { SnapshotNode } from '../visual/snapshot';

/** Copies the tree, replacing the layer with `id` by `replace(node)`. */
export function replaceNode<T extends SnapshotNode>(root: T, id: string, replace: (node: SnapshotNode) => SnapshotNode): T {
  if (root.id === id) return replace(root) as T;
  if (root.type !== 'frame' && root.type !== 'group') return root;
  return { ...root, children: root.children.map((child) => replaceNode(child, id, replace)) };
}

/**
 * Recomputes every group's box as the union of its children, as Figma does, keeping the
 * children where they are on the canvas (their x/y are relative to the group).
 */
export function fitGroups<T extends SnapshotNode>(node: T): T {
  if (node.type !== 'frame' && node.type !== 'group') return node;
  const children = node.children.map(fitGroups);
  if (node.type === 'frame' || !children.length) return { ...node, children };
  const minX = Math.min(...children.map((child) => child.x));
  const minY = Math.min(...children.map((child) => child.y));
  const maxX = Math.max(...children.map((child) => child.x + child.width));
  const maxY = Math.max(...children.map((child) => child.y + child.height));
  return {
    ...node,
    x: node.x + minX,
    y: node.y + minY,
    width: maxX - minX,
    height: maxY - minY,
    children: children.map((child) => ({ ...child, x: child.x - minX, y: child.y - minY })),
  };
}

/** Every layer under and including `node`, parents first. */
export function allNodes(node: SnapshotNode): SnapshotNode[] {
  return node.type === 'frame' || node.type === 'group' ? [node, ...node.children.flatMap(allNodes)] : [node];
}
