import { textLayers, type RuleContext } from './context';
import { label, nodeRef, show, type CreativeFinding } from './finding';
import type { Margin, VisualKit } from './kit-schema';
import { contains, type Rect } from './tree';

/**
 * The safe area of a frame in design pixels, or undefined when the kit sets no safe zone.
 * A format entry matching the output size wins; `px` margins are output pixels, divided by the export scale.
 */
export function safeArea(kit: VisualKit, width: number, height: number, scale = 1): Rect | undefined {
  const zone = kit.safeZone;
  if (!zone) return undefined;
  const outW = width * scale;
  const outH = height * scale;
  const format = zone.formats.find((entry) => entry.width === outW && entry.height === outH);
  const { margin, unit } = format ?? zone;
  const sides = expand(margin);
  const top = unit === 'share' ? sides.top * height : sides.top / scale;
  const bottom = unit === 'share' ? sides.bottom * height : sides.bottom / scale;
  const left = unit === 'share' ? sides.left * width : sides.left / scale;
  const right = unit === 'share' ? sides.right * width : sides.right / scale;
  return { x: left, y: top, width: Math.max(0, width - left - right), height: Math.max(0, height - top - bottom) };
}

const expand = (margin: Margin) =>
  typeof margin === 'number' ? { top: margin, right: margin, bottom: margin, left: margin } : margin;

/** No text inside the safe-zone margin. */
export function checkSafeZone(ctx: RuleContext): CreativeFinding[] {
  const area = safeArea(ctx.kit, ctx.root.width, ctx.root.height, ctx.scale);
  if (!area) return [];
  // Half a pixel of slack: scaled layouts land on fractions, and nobody sees 0.2 px.
  const slack = { x: area.x - 0.5, y: area.y - 0.5, width: area.width + 1, height: area.height + 1 };
  return textLayers(ctx)
    .filter(({ node, rect }) => node.characters.trim() && !contains(slack, rect))
    .map(({ node, rect }) => {
      const overlap = Math.max(
        area.x - rect.x,
        area.y - rect.y,
        rect.x + rect.width - (area.x + area.width),
        rect.y + rect.height - (area.y + area.height),
      );
      return {
        rule: 'visual.safe-zone',
        severity: 'warning' as const,
        message: `${label(node)} reaches ${show(overlap)} px into the safe-zone margin, where platform UI may cover it.`,
        node: nodeRef(node),
        match: node.characters.slice(0, 40),
        suggestions: [],
      };
    });
}
