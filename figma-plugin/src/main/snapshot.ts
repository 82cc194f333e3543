import type { CreativeSnapshot, Paint, SnapshotNode, TextNode, TextSegment } from '@onbrand/shared/visual';
import { isFrameLike, isGroup, isLayer, isShape, isText, type FigmaHost, type HostFrame, type HostLayer, type HostSceneNode, type HostText } from './host';

// Reads Figma layers into the core's creative snapshot: plain data, ids kept, so findings and plans
// point back at layers. Figma gives group children frame-relative x/y; the snapshot wants them
// relative to the group, so the group's own x/y is subtracted on the way in (and added on the way out).

type Mixed = FigmaHost['mixed'];

/** The layers the snapshot models, in child order; other kinds (slices, stickies) are left out on both sides alike. */
export function layerChildren(node: { readonly children: readonly HostSceneNode[] }): HostLayer[] {
  return node.children.filter(isLayer);
}

const hex2 = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 255).toString(16).padStart(2, '0').toUpperCase();

/** Figma's 0–1 RGB as `#RRGGBB`. */
export function rgbToHex(color: RGB): string {
  return `#${hex2(color.r)}${hex2(color.g)}${hex2(color.b)}`;
}

/** `#RRGGBB` as Figma's 0–1 RGB. */
export function hexToRgb(hex: string): RGB {
  const value = parseInt(hex.slice(1, 7), 16);
  return { r: ((value >> 16) & 255) / 255, g: ((value >> 8) & 255) / 255, b: (value & 255) / 255 };
}

/** Solid and image paints as snapshot paints; gradients and video are left out (no rule judges them). */
export function readPaints(paints: readonly globalThis.Paint[] | Mixed): Paint[] {
  if (!Array.isArray(paints)) return [];
  const out: Paint[] = [];
  for (const paint of paints as readonly globalThis.Paint[]) {
    const common = { opacity: paint.opacity ?? 1, visible: paint.visible ?? true };
    if (paint.type === 'SOLID') out.push({ type: 'SOLID', color: rgbToHex(paint.color), ...common });
    else if (paint.type === 'IMAGE') out.push({ type: 'IMAGE', scaleMode: paint.scaleMode, ...(paint.imageHash ? { imageRef: paint.imageHash } : {}), ...common });
  }
  return out;
}

function firstSolid(paints: readonly globalThis.Paint[] | undefined): { fill: string; fillOpacity: number } | null {
  const solid = paints?.find((paint): paint is SolidPaint => paint.type === 'SOLID' && paint.visible !== false);
  return solid ? { fill: rgbToHex(solid.color), fillOpacity: solid.opacity ?? 1 } : null;
}

function base(node: HostLayer, offsetX: number, offsetY: number) {
  const constrained = 'constraints' in node ? (node as { constraints: Constraints }).constraints : { horizontal: 'MIN', vertical: 'MIN' };
  const layout = node as Partial<Pick<HostFrame, 'layoutPositioning' | 'layoutGrow' | 'layoutAlign' | 'layoutSizingHorizontal' | 'layoutSizingVertical'>>;
  return {
    id: node.id,
    name: node.name,
    x: node.x - offsetX,
    y: node.y - offsetY,
    width: node.width,
    height: node.height,
    rotation: node.rotation,
    visible: node.visible,
    locked: node.locked,
    opacity: node.opacity,
    constraints: { horizontal: constrained.horizontal, vertical: constrained.vertical } as CreativeSnapshot['constraints'],
    fills: 'fills' in node ? readPaints((node as { fills: readonly globalThis.Paint[] | Mixed }).fills) : [],
    ...(layout.layoutPositioning ? { layoutPositioning: layout.layoutPositioning } : {}),
    ...(layout.layoutGrow ? { layoutGrow: layout.layoutGrow } : {}),
    ...(layout.layoutAlign === 'STRETCH' || layout.layoutAlign === 'INHERIT' ? { layoutAlign: layout.layoutAlign } : {}),
    ...(layout.layoutSizingHorizontal ? { layoutSizingHorizontal: layout.layoutSizingHorizontal } : {}),
    ...(layout.layoutSizingVertical ? { layoutSizingVertical: layout.layoutSizingVertical } : {}),
  };
}

/** The styled runs of a text layer: font, size and colour, one call. */
export function readSegments(node: HostText): TextSegment[] {
  return node.getStyledTextSegments(['fontName', 'fontSize', 'fills']).map((run) => {
    const solid = firstSolid(run.fills);
    return {
      start: run.start,
      end: run.end,
      ...(run.fontName ? { fontFamily: run.fontName.family, fontStyle: run.fontName.style } : {}),
      ...(run.fontSize ? { fontSize: run.fontSize } : {}),
      ...(solid ?? {}),
    };
  });
}

function readText(node: HostText, offsetX: number, offsetY: number, mixed: Mixed): TextNode {
  // One styled-segments call gives every run; the layer's own font is the first run's when mixed.
  const runs = node.characters.length ? readSegments(node) : [];
  const first = runs[0];
  const fontName = node.fontName === mixed ? null : (node.fontName as FontName);
  const fontSize = node.fontSize === mixed ? (first?.fontSize ?? 12) : (node.fontSize as number);
  const lineHeight = node.lineHeight === mixed ? undefined : (node.lineHeight as LineHeight);
  const letterSpacing = node.letterSpacing === mixed ? undefined : (node.letterSpacing as LetterSpacing);
  const baseFills = base(node, offsetX, offsetY);
  const fills = baseFills.fills.length ? baseFills.fills : first?.fill ? [{ type: 'SOLID' as const, color: first.fill, opacity: first.fillOpacity ?? 1, visible: true }] : [];
  return {
    ...baseFills,
    fills,
    type: 'text',
    characters: node.characters,
    fontFamily: fontName?.family ?? first?.fontFamily ?? 'Inter',
    fontStyle: fontName?.style ?? first?.fontStyle ?? 'Regular',
    fontSize,
    ...(lineHeight?.unit === 'PIXELS' ? { lineHeight: lineHeight.value } : lineHeight?.unit === 'PERCENT' ? { lineHeight: (lineHeight.value / 100) * fontSize } : {}),
    letterSpacing: letterSpacing ? (letterSpacing.unit === 'PIXELS' ? letterSpacing.value : (letterSpacing.value / 100) * fontSize) : 0,
    textAutoResize: node.textAutoResize,
    textAlignHorizontal: node.textAlignHorizontal,
    ...(runs.length > 1 ? { segments: runs } : {}),
  };
}

function readNode(node: HostLayer, offsetX: number, offsetY: number, mixed: Mixed): SnapshotNode {
  if (isText(node)) return readText(node, offsetX, offsetY, mixed);
  if (isGroup(node)) {
    const own = base(node, offsetX, offsetY);
    // Group children's Figma x/y are relative to the nearest frame, like the group's own.
    return { ...own, type: 'group', children: layerChildren(node).map((child) => readNode(child, node.x, node.y, mixed)) };
  }
  if (isFrameLike(node)) return readFrame(node, offsetX, offsetY, mixed);
  const own = base(node, offsetX, offsetY);
  if (own.fills.some((paint) => paint.type === 'IMAGE' && paint.visible)) return { ...own, type: 'image' };
  return { ...own, type: 'shape', shapeType: isShape(node) ? node.type : 'VECTOR' };
}

function readFrame(node: HostFrame, offsetX: number, offsetY: number, mixed: Mixed): CreativeSnapshot {
  return {
    ...base(node, offsetX, offsetY),
    type: 'frame',
    clipsContent: node.clipsContent,
    layoutMode: node.layoutMode === 'GRID' ? 'NONE' : node.layoutMode,
    paddingTop: node.paddingTop,
    paddingRight: node.paddingRight,
    paddingBottom: node.paddingBottom,
    paddingLeft: node.paddingLeft,
    itemSpacing: node.itemSpacing,
    primaryAxisSizingMode: node.primaryAxisSizingMode,
    counterAxisSizingMode: node.counterAxisSizingMode,
    primaryAxisAlignItems: node.primaryAxisAlignItems,
    counterAxisAlignItems: node.counterAxisAlignItems,
    children: layerChildren(node).map((child) => readNode(child, 0, 0, mixed)),
  };
}

/** Reads a frame and everything under it into a snapshot, with x/y relative to its parent. */
export function readSnapshot(frame: HostFrame, mixed: Mixed): CreativeSnapshot {
  return readFrame(frame, 0, 0, mixed);
}

/**
 * Walks a snapshot and the host tree it describes side by side (a clone has the master's shape),
 * calling `visit` with each pair; `offset` is the frame-relative origin of group children.
 */
export function zipLayers(
  snapshot: SnapshotNode,
  node: HostLayer,
  visit: (planned: SnapshotNode, node: HostLayer, offset: { x: number; y: number }, parent: SnapshotNode | null) => void,
  offset = { x: 0, y: 0 },
  parent: SnapshotNode | null = null,
): void {
  visit(snapshot, node, offset, parent);
  if (snapshot.type !== 'frame' && snapshot.type !== 'group') return;
  const children = layerChildren(node as HostFrame);
  const inner = snapshot.type === 'group' ? { x: offset.x + snapshot.x, y: offset.y + snapshot.y } : { x: 0, y: 0 };
  snapshot.children.forEach((child, index) => {
    const host = children[index];
    if (host) zipLayers(child, host, visit, inner, snapshot);
  });
}

/** Visits every layer of a snapshot with the frame-relative origin of its group (as zipLayers does, without a host). */
export function walkSnapshot(
  node: SnapshotNode,
  visit: (node: SnapshotNode, offset: { x: number; y: number }, parent: SnapshotNode | null) => void,
  offset = { x: 0, y: 0 },
  parent: SnapshotNode | null = null,
): void {
  visit(node, offset, parent);
  if (node.type !== 'frame' && node.type !== 'group') return;
  const inner = node.type === 'group' ? { x: offset.x + node.x, y: offset.y + node.y } : { x: 0, y: 0 };
  for (const child of node.children) walkSnapshot(child, visit, inner, node);
}

/** Every text layer of a snapshot, parents first. */
export function textLayersOf(node: SnapshotNode): TextNode[] {
  if (node.type === 'text') return [node];
  return node.type === 'frame' || node.type === 'group' ? node.children.flatMap(textLayersOf) : [];
}

/** A text layer takes copy variants when its name starts with `#` (`#headline`, `#cta`, `#legal`). */
export function slotName(name: string): string | null {
  const match = /^#[\w-]+/.exec(name.trim());
  return match ? match[0].toLowerCase() : null;
}
