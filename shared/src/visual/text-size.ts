import { textLayers, type RuleContext } from './context';
import { label, nodeRef, show, type CreativeFinding } from './finding';
import type { VisualKit } from './kit-schema';

/** Output size classes by the shorter side, in pixels (see minTextSizeSchema). */
export function sizeClass(width: number, height: number): 'small' | 'medium' | 'large' {
  const shorter = Math.min(width, height);
  return shorter <= 120 ? 'small' : shorter <= 600 ? 'medium' : 'large';
}

/** The kit's minimum text size in output pixels for an output of this size: exact format, then class, then default. */
export function minTextSizeFor(kit: VisualKit | undefined, width: number, height: number): number | undefined {
  const rule = kit?.minTextSize;
  if (!rule) return undefined;
  const format = rule.formats.find((entry) => entry.width === width && entry.height === height);
  return format?.minimum ?? rule.classes?.[sizeClass(width, height)] ?? rule.default;
}

/** Every text run is at least the minimum size at the output's real pixel size. */
export function checkTextSize(ctx: RuleContext): CreativeFinding[] {
  const minimum = minTextSizeFor(ctx.kit, ctx.outputWidth, ctx.outputHeight);
  if (minimum === undefined) return [];
  const findings: CreativeFinding[] = [];
  const where = `${ctx.outputWidth}×${ctx.outputHeight}`;
  for (const { node } of textLayers(ctx)) {
    const smallest = Math.min(node.fontSize, ...(node.segments ?? []).map((segment) => segment.fontSize ?? Infinity));
    const output = smallest * ctx.scale;
    if (output >= minimum) continue;
    // Design size that reaches the minimum once exported at this scale.
    const size = Math.ceil((minimum / ctx.scale) * 100) / 100;
    findings.push({
      rule: 'visual.text-size',
      severity: 'error',
      message: `${label(node)} is ${show(output)} px at ${where}; the kit's minimum there is ${minimum} px.`,
      node: nodeRef(node),
      match: `${show(output)}px`,
      suggestions: [`${size}`],
      fix: { kind: 'fontSize', nodeId: node.id, size },
    });
  }
  return findings;
}
