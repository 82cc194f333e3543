import { nearestPaletteColor, parseHex, type PaletteColor } from '../color';
import type { RuleContext } from './context';
import { label, nodeRef, show, type CreativeFinding, type VisualFix } from './finding';
import type { SnapshotNode } from './snapshot';

/** Every fill and text colour is within the kit's ΔE00 tolerance of a palette colour. */
export function checkPalette(ctx: RuleContext): CreativeFinding[] {
  const { palette, paletteTolerance } = ctx.kit;
  if (!palette.length) return [];
  const findings: CreativeFinding[] = [];
  const test = (node: SnapshotNode, hex: string, what: string, fix: (hex: string) => VisualFix | undefined) => {
    const rgb = parseHex(hex);
    const near = rgb && nearestPaletteColor(rgb, palette);
    if (!near || near.deltaE <= paletteTolerance) return;
    findings.push(offPalette(node, hex, what, near, paletteTolerance, fix(near.hex)));
  };
  for (const { node } of ctx.placed) {
    node.fills.forEach((paint, paintIndex) => {
      if (paint.type !== 'SOLID' || !paint.visible) return;
      const what = node.type === 'text' ? 'text colour' : 'fill';
      test(node, paint.color, what, (hex) => ({ kind: 'fill', nodeId: node.id, paintIndex, hex }));
    });
    if (node.type !== 'text') continue;
    for (const segment of node.segments ?? []) {
      if (!segment.fill) continue;
      const { start, end } = segment;
      const what = `colour of "${node.characters.slice(start, end)}"`;
      test(node, segment.fill, what, (hex) => ({ kind: 'textRangeFill', nodeId: node.id, start, end, hex }));
    }
  }
  return findings;
}

function offPalette(
  node: SnapshotNode,
  hex: string,
  what: string,
  near: { color: PaletteColor; hex: string; deltaE: number },
  tolerance: number,
  fix: VisualFix | undefined,
): CreativeFinding {
  return {
    rule: 'visual.palette',
    severity: 'error',
    message:
      `${label(node)} uses ${hex.toUpperCase()} as its ${what}, which is not a brand colour ` +
      `(nearest is ${near.color.name} ${near.hex}, ΔE00 ${show(near.deltaE)} over the allowed ${tolerance}).`,
    node: nodeRef(node),
    match: hex.toUpperCase(),
    suggestions: [near.hex],
    ...(fix ? { fix } : {}),
  };
}
