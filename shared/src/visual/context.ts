import type { VisualKit } from './kit-schema';
import type { CreativeSnapshot, TextNode } from './snapshot';
import { findLogos, placeNodes, type PlacedNode } from './tree';

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
  /** Ids of logos and the layers inside them: artwork, so the text rules leave them alone. */
  logoParts: Set<string>;
}

/** The text layers the text rules judge: visible, with some text, not part of a logo. */
export function textLayers(ctx: RuleContext): (PlacedNode & { node: TextNode })[] {
  return ctx.placed.filter(
    (entry): entry is PlacedNode & { node: TextNode } =>
      entry.node.type === 'text' && entry.node.characters.trim() !== '' && !ctx.logoParts.has(entry.node.id),
  );
}

/** Builds the context once per check. */
export function ruleContext(root: CreativeSnapshot, kit: VisualKit, scale = 1): RuleContext {
  const placed = placeNodes(root);
  const logos = new Set(findLogos(placed, kit.logo.namePattern).map((logo) => logo.node.id));
  return {
    kit,
    root,
    placed,
    logoParts: new Set(
      placed.filter((entry) => logos.has(entry.node.id) || entry.ancestors.some((id) => logos.has(id))).map((entry) => entry.node.id),
    ),
    outputWidth: root.width * scale,
    outputHeight: root.height * scale,
    scale,
  };
}
