import type { VisualKit } from './kit-schema';
import type { CreativeSnapshot } from './snapshot';
import { placeNodes, type PlacedNode } from './tree';

/** What every visual rule reads: the kit, the creative's layers in paint order, and its output size. */
export interface RuleContext {
  kit: VisualKit;
  root: CreativeSnapshot;
  placed: PlacedNode[];
  /** Output size in pixels: the root frame's size times the export scale. */
  outputWidth: number;
  outputHeight: number;
  /** Export scale: 2 when the creative is exported at 2×, so 10 px design text becomes 20 output pixels. */
  scale: number;
}

/** Builds the context once per check. */
export function ruleContext(root: CreativeSnapshot, kit: VisualKit, scale = 1): RuleContext {
  return {
    kit,
    root,
    placed: placeNodes(root),
    outputWidth: root.width * scale,
    outputHeight: root.height * scale,
    scale,
  };
}
