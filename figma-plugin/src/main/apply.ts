import type { FrameNode as SnapshotFrame, Paint as SnapshotPaint, SnapshotNode, TextNode as SnapshotText } from '@onbrand/shared/visual';
import { isFrameLike, isGroup, isText, type HostConstrained, type HostFrame, type HostLayer, type HostSegment, type HostText } from './host';
import { hexToRgb } from './snapshot';
import { applyFontSizes, swapCopy, type FontLoader } from './text';

// Writes a planned snapshot back onto layers, comparing with what the layer holds now so that
// only what changed costs a host call. Children are placed explicitly, so frames are resized
// without constraints (constraints are already in the plan).

export interface ApplyContext {
  fonts: FontLoader;
  /** The master's text layers by master id: their copy and full styled runs (links included). */
  masterText: ReadonlyMap<string, { characters: string; runs: HostSegment[] }>;
  /** Names of text layers skipped because a font is missing. */
  skipped: Set<string>;
  /** Master text layer ids whose font is missing: their copy and size stay as they are. */
  missing: ReadonlySet<string>;
  /** True when the master's fonts are loaded already (a fresh clone uses only those). */
  preloaded: boolean;
}

const near = (a: number, b: number) => Math.abs(a - b) < 0.01;

function toFigmaPaints(paints: readonly SnapshotPaint[], current: readonly Paint[]): Paint[] {
  return paints.map((paint, index) => {
    if (paint.type === 'SOLID') return { type: 'SOLID', color: hexToRgb(paint.color), opacity: paint.opacity, visible: paint.visible };
    // Images keep Figma's own paint (its hash and transform); FILL covers the box without stretching.
    const existing = current.find((candidate, at) => candidate.type === 'IMAGE' && at >= index) ?? current.find((candidate) => candidate.type === 'IMAGE');
    return { ...(existing as ImagePaint), scaleMode: paint.scaleMode, opacity: paint.opacity, visible: paint.visible };
  });
}

function textStyleKey(node: SnapshotText): string {
  return JSON.stringify([node.fontFamily, node.fontStyle, node.fills, (node.segments ?? []).map((run) => [run.start, run.end, run.fontFamily, run.fontStyle, run.fill])]);
}

async function applyText(host: HostText, planned: SnapshotText, before: SnapshotText, source: SnapshotText, ctx: ApplyContext): Promise<void> {
  const copyChanged = host.characters !== planned.characters || textStyleKey(before) !== textStyleKey(source);
  const sizeChanged = !near(before.fontSize, planned.fontSize) || JSON.stringify(before.segments?.map((s) => s.fontSize)) !== JSON.stringify(planned.segments?.map((s) => s.fontSize));
  const spacingChanged = (planned.lineHeight !== undefined && !near(before.lineHeight ?? 0, planned.lineHeight)) || !near(before.letterSpacing, planned.letterSpacing);
  if (!copyChanged && !sizeChanged && !spacingChanged) return;
  if (ctx.missing.has(planned.id) || (!ctx.preloaded && !(await ctx.fonts.ready(host)))) {
    ctx.skipped.add(host.name);
    return;
  }
  let sizesNow = before;
  if (copyChanged) {
    const master = ctx.masterText.get(planned.id);
    swapCopy(host, planned.characters, master?.characters ?? host.characters, master?.runs ?? []);
    sizesNow = source;
  }
  applyFontSizes(host, planned, sizesNow);
  if (planned.lineHeight !== undefined && !near(sizesNow.lineHeight ?? 0, planned.lineHeight)) host.lineHeight = { unit: 'PIXELS', value: planned.lineHeight };
  if (!near(sizesNow.letterSpacing, planned.letterSpacing)) host.letterSpacing = { unit: 'PIXELS', value: planned.letterSpacing };
}

/**
 * Brings one layer to its planned state. `before` is what the layer holds now (in the planned
 * layer's id space); `source` is the master with the variant's copy, before resizing.
 */
export async function applyLayer(
  host: HostLayer,
  planned: SnapshotNode,
  before: SnapshotNode,
  source: SnapshotNode,
  offset: { x: number; y: number },
  parent: SnapshotNode | null,
  ctx: ApplyContext,
): Promise<void> {
  // Figma cannot lay out text in a font it lacks: such a layer keeps its copy, size and place,
  // and is named when the plan would have changed it.
  if (isText(host) && host.hasMissingFont) {
    if (JSON.stringify({ ...planned, id: '' }) !== JSON.stringify({ ...before, id: '' })) ctx.skipped.add(host.name);
    return;
  }
  if (planned.visible !== before.visible) host.visible = planned.visible;
  if (!near(planned.opacity, before.opacity)) host.opacity = planned.opacity;
  // A group's box follows its children; it has no geometry of its own to set.
  if (isGroup(host)) return;
  const inFlow = parent?.type === 'frame' && parent.layoutMode !== 'NONE' && planned.layoutPositioning !== 'ABSOLUTE';
  if (parent && !inFlow) {
    const x = offset.x + planned.x;
    const y = offset.y + planned.y;
    if (!near(host.x, x)) host.x = x;
    if (!near(host.y, y)) host.y = y;
  }
  const autoWidth = planned.type === 'text' && planned.textAutoResize === 'WIDTH_AND_HEIGHT';
  if (!autoWidth && (!near(planned.width, before.width) || !near(planned.height, before.height)))
    host.resizeWithoutConstraints(Math.max(0.01, planned.width), Math.max(0.01, planned.height));
  if (JSON.stringify(planned.fills) !== JSON.stringify(before.fills) && planned.type !== 'text') {
    const current = (host as HostConstrained).fills;
    (host as HostConstrained).fills = toFigmaPaints(planned.fills, Array.isArray(current) ? (current as Paint[]) : []);
  }
  if (isFrameLike(host) && planned.type === 'frame' && before.type === 'frame') applyFramePadding(host, planned, before);
  if (isText(host) && planned.type === 'text' && before.type === 'text' && source.type === 'text') await applyText(host, planned, before, source, ctx);
}

const spacing = ['paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'itemSpacing'] as const;

/** Auto-layout spacing scales with the content; Figma reflows the children from it. */
function applyFramePadding(host: HostFrame, planned: SnapshotFrame, before: SnapshotFrame): void {
  for (const key of spacing) if (!near(planned[key], before[key])) host[key] = planned[key];
}

/** Indexes a snapshot's layers by id. */
export function byId(root: SnapshotNode, into = new Map<string, SnapshotNode>()): Map<string, SnapshotNode> {
  into.set(root.id, root);
  if (root.type === 'frame' || root.type === 'group') for (const child of root.children) byId(child, into);
  return into;
}
