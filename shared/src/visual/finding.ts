import type { NodeRef, VisualFinding } from '../findings';
import type { SnapshotNode } from './snapshot';

/**
 * A change the plugin can apply safely:
 * - `fill`: set the solid fill at `paintIndex` to `hex`, keeping its opacity;
 * - `textRangeFill`: set the colour of the text in `[start, end)` (UTF-16) to `hex`;
 * - `fontSize`: raise every run of the text layer that is smaller than `size` to `size` (larger runs stay).
 */
export type VisualFix =
  | { kind: 'fill'; nodeId: string; paintIndex: number; hex: string }
  | { kind: 'textRangeFill'; nodeId: string; start: number; end: number; hex: string }
  | { kind: 'fontSize'; nodeId: string; size: number };

/** A visual finding with, where one exists, a machine-readable fix. */
export interface CreativeFinding extends VisualFinding {
  fix?: VisualFix;
  /** Whether "fix all safely" may apply the fix without asking (see safe-fix.ts). */
  safe?: boolean;
}

/** The layer as a finding names it. */
export function nodeRef(node: SnapshotNode): NodeRef {
  return { id: node.id, name: node.name };
}

/** How a message names a layer: its name in quotes, or its id when unnamed. */
export function label(node: SnapshotNode): string {
  return node.name ? `"${node.name}"` : `layer ${node.id}`;
}

/** Rounds for messages (one decimal), so people read 4.5, not 4.4999. */
export function show(value: number): string {
  return String(Math.round(value * 10) / 10);
}
