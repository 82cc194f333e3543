import {
  compositeOver,
  contrastRatio,
  deltaE2000,
  isLargeText,
  parseHex,
  requiredContrast,
  rgbToLab,
  toHex,
  type Rgb,
} from '../color';
import { textLayers, type RuleContext } from './context';
import { label, nodeRef, type CreativeFinding, type VisualFix } from './finding';
import type { TextNode } from './snapshot';
import type { PlacedNode } from './tree';

// Exports are flattened on white when nothing is painted, so white is the backdrop of last resort.
const canvas: Rgb = { r: 255, g: 255, b: 255 };

/** WCAG bold is weight 700 and above: Bold, ExtraBold, Black, Heavy; not SemiBold or Medium. */
export function isBoldStyle(style: string): boolean {
  return /bold|black|heavy/i.test(style) && !/semi|demi/i.test(style);
}

/**
 * The colour behind a point, or undefined when an image shows through there. Layers drawn earlier
 * whose box holds the point (the nearest painted ancestors and earlier siblings underneath) are
 * composited bottom up, each fill at its opacity times the layer's.
 */
export function backdropAt(placed: readonly PlacedNode[], before: number, x: number, y: number): Rgb | undefined {
  let color: Rgb | undefined = canvas;
  for (const entry of placed) {
    if (entry.order >= before) break;
    const { rect, node } = entry;
    // A text layer's fills colour its glyphs, not its box, so text is never a backdrop.
    if (node.type === 'text') continue;
    if (x < rect.x || y < rect.y || x > rect.x + rect.width || y > rect.y + rect.height) continue;
    for (const paint of node.fills) {
      if (!paint.visible) continue;
      const alpha = paint.opacity * entry.opacity;
      if (paint.type !== 'SOLID') {
        // An image paints many colours: what shows through is unknown.
        if (alpha > 0) color = undefined;
      } else if (alpha >= 1 || color) {
        color = compositeOver(parseHex(paint.color)!, alpha, color ?? canvas);
      }
    }
  }
  return color;
}

const floor2 = (ratio: number) => Math.floor(ratio * 100) / 100;

/** Text contrast against the colour behind it meets the kit's WCAG level (AA by default), never rounded. */
export function checkContrast(ctx: RuleContext): CreativeFinding[] {
  const findings: CreativeFinding[] = [];
  for (const entry of textLayers(ctx)) {
    if (!entry.node.characters.trim()) continue;
    const text = entry.node;
    const cx = entry.rect.x + entry.rect.width / 2;
    const cy = entry.rect.y + entry.rect.height / 2;
    const backdrop = backdropAt(ctx.placed, entry.order, cx, cy);
    if (!backdrop) {
      findings.push({
        rule: 'visual.contrast',
        severity: 'suggestion',
        message: `${label(text)} sits on an image, so its contrast cannot be measured; check it by eye.`,
        node: nodeRef(text),
        match: text.characters.slice(0, 40),
        suggestions: [],
      });
      continue;
    }
    for (const run of textRuns(text)) {
      const fg = compositeOver(parseHex(run.hex)!, run.opacity * entry.opacity, backdrop);
      const large = isLargeText(run.size * ctx.scale, isBoldStyle(run.style));
      const needed = requiredContrast(ctx.kit.contrast, large);
      const ratio = contrastRatio(fg, backdrop);
      if (ratio >= needed) continue;
      const better = passingPaletteColors(ctx, run.hex, backdrop, needed);
      const fix: VisualFix | undefined = !better[0]
        ? undefined
        : run.start === undefined
          ? { kind: 'fill', nodeId: text.id, paintIndex: run.paintIndex!, hex: better[0] }
          : { kind: 'textRangeFill', nodeId: text.id, start: run.start, end: run.end!, hex: better[0] };
      findings.push({
        rule: 'visual.contrast',
        severity: 'error',
        message:
          `${label(text)} has a contrast of ${floor2(ratio)}:1 (${toHex(fg)} on ${toHex(backdrop)}); ` +
          `WCAG ${ctx.kit.contrast} needs ${needed}:1 for ${large ? 'large' : 'normal'} text.`,
        node: nodeRef(text),
        match: run.start === undefined ? text.characters.slice(0, 40) : text.characters.slice(run.start, run.end),
        suggestions: better,
        ...(fix ? { fix } : {}),
      });
    }
  }
  return findings;
}

interface TextRun {
  hex: string;
  opacity: number;
  size: number;
  style: string;
  paintIndex?: number;
  start?: number;
  end?: number;
}

// The layer's top solid fill is its colour; styled ranges with their own colour or size are runs of their own.
function textRuns(text: TextNode): TextRun[] {
  const runs: TextRun[] = [];
  const paintIndex = text.fills.map((paint, index) => (paint.type === 'SOLID' && paint.visible ? index : -1)).filter((i) => i >= 0).pop();
  const top = paintIndex === undefined ? undefined : text.fills[paintIndex];
  if (top?.type === 'SOLID') runs.push({ hex: top.color, opacity: top.opacity, size: text.fontSize, style: text.fontStyle, paintIndex });
  for (const segment of text.segments ?? []) {
    if (!segment.fill && segment.fontSize === undefined && !segment.fontStyle) continue;
    const hex = segment.fill ?? (top?.type === 'SOLID' ? top.color : undefined);
    if (!hex) continue;
    runs.push({
      hex,
      opacity: segment.fillOpacity ?? (segment.fill ? 1 : (top?.opacity ?? 1)),
      size: segment.fontSize ?? text.fontSize,
      style: segment.fontStyle ?? text.fontStyle,
      start: segment.start,
      end: segment.end,
    });
  }
  return runs;
}

// Palette colours that pass on this backdrop, closest to the current colour first.
function passingPaletteColors(ctx: RuleContext, hex: string, backdrop: Rgb, needed: number): string[] {
  const current = rgbToLab(parseHex(hex)!);
  return ctx.kit.palette
    .map((color) => parseHex(color.hex)!)
    .filter((rgb) => contrastRatio(rgb, backdrop) >= needed)
    .sort((a, b) => deltaE2000(current, rgbToLab(a)) - deltaE2000(current, rgbToLab(b)))
    .map(toHex);
}
