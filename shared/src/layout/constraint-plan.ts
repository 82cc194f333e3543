import { label } from '../visual/finding';
import { crowdingLayers, logoClearance } from '../visual/logo';
import type { CreativeSnapshot, FrameNode, GroupNode, SnapshotNode, TextNode } from '../visual/snapshot';
import { contains, findLogos, placeNodes, type Rect } from '../visual/tree';
import type { LayoutFlag } from './flags';
import { coverCrop } from './cover';
import { placeOnAxis } from './geometry';
import { fitText } from './text-fit';
import { fitGroups, replaceNode } from './tree-edit';

/**
 * A version counts as close to its master when its aspect ratio differs by at most this factor
 * (1080×1080 → 1080×1350 is 1.25) and its size by at most 0.8–1.25×. Close versions are resized
 * exactly as Figma's `resize()` does: constraints only. Anything else, such as 1080×1080 → 728×90
 * (an aspect change of 8.1×) or 1080×1080 → 300×250 (a quarter of the size), is scaled uniformly to
 * fit first and then re-anchored by the same constraints.
 */
export const bigAspectChange = 1.5;
const closeScale = { min: 0.8, max: 1.25 };

export interface ConstraintOptions {
  /** Smallest text size allowed at this output size, in pixels (from the kit: minTextSizeFor). */
  minTextSize?: number;
  /** Logo clear space as a share of the logo's shorter side (the kit's logo.clearSpace); 0 keeps it just inside the frame. */
  logoClearSpace?: number;
  /** How the logo layer is named (the kit's logo.namePattern); `#logo` by default. */
  logoPattern?: string;
  /** Aspect-ratio change above which the plan scales to fit; `bigAspectChange` by default. */
  aspectThreshold?: number;
}

/** A resize by constraints alone (scaled to fit first when the shape or size changes a lot): how Figma's own resize behaves. */
export interface ConstraintPlan {
  snapshot: CreativeSnapshot;
  flags: LayoutFlag[];
  /** What the plan did, in plain words for the plugin's UI. */
  actions: string[];
  mode: 'constraints' | 'fit';
  /** The uniform scale applied to the content (1 in constraints mode). */
  scale: number;
}

interface PlanContext {
  scale: number;
  /** Layers inside a logo: artwork that scales as a whole, never re-fitted or held to the text minimum. */
  logoParts: ReadonlySet<string>;
  minTextSize?: number;
  /** The version's width: auto-width text may not run wider than the frame. */
  roomWidth: number;
  flags: LayoutFlag[];
  actions: string[];
  sizeLabel: string;
}

/**
 * Resizes a master the way Figma's constraints do, scaling uniformly first when the shape or size
 * changes a lot. The role-based plan tries this first for sizes close to the master's. Pure.
 */
export function planByConstraints(
  snapshot: CreativeSnapshot,
  target: { width: number; height: number },
  options: ConstraintOptions = {},
): ConstraintPlan {
  const { width, height } = target;
  if (!(width > 0 && height > 0 && snapshot.width > 0 && snapshot.height > 0))
    throw new RangeError('planResize needs positive sizes; parse user input with parseSize first');
  const aspectChange = aspectRatioChange(snapshot, target);
  const fit = Math.min(width / snapshot.width, height / snapshot.height);
  const threshold = options.aspectThreshold ?? bigAspectChange;
  const close = aspectChange <= threshold && fit >= closeScale.min && fit <= closeScale.max;
  const scale = close ? 1 : fit;
  const pattern = options.logoPattern ?? '#logo';
  const placed = placeNodes(snapshot);
  const logoIds = new Set(findLogos(placed, pattern).map((logo) => logo.node.id));
  const logoParts = new Set(
    placed.filter((entry) => logoIds.has(entry.node.id) || entry.ancestors.some((id) => logoIds.has(id))).map((entry) => entry.node.id),
  );
  const ctx: PlanContext = { scale, logoParts, roomWidth: width, minTextSize: options.minTextSize, flags: [], actions: [], sizeLabel: `${width}×${height}` };
  ctx.actions.push(modeAction(snapshot, target, aspectChange > threshold, close, scale));

  // A version frame has the size asked for: an auto-layout master that hugged its content is fixed,
  // as Figma's resize() makes it.
  const fixedRoot: FrameNode = { ...snapshot, primaryAxisSizingMode: 'FIXED', counterAxisSizingMode: 'FIXED' };
  let root = resizeFrame(snapshot.layoutMode === 'NONE' ? snapshot : fixedRoot, width, height, ctx);
  root = { ...root, x: snapshot.x, y: snapshot.y };
  root = keepLogos(root, { ...options, logoPattern: pattern }, ctx);
  flagTextOutside(root, ctx);
  return { snapshot: root, flags: ctx.flags, actions: ctx.actions, mode: close ? 'constraints' : 'fit', scale };
}

/** How much the aspect ratio changes, as a factor ≥ 1 (1 = same shape). */
export function aspectRatioChange(from: { width: number; height: number }, to: { width: number; height: number }): number {
  const change = (to.width / to.height) / (from.width / from.height);
  return Math.max(change, 1 / change);
}

function modeAction(from: Rect, to: { width: number; height: number }, bigChange: boolean, close: boolean, scale: number): string {
  const sizes = `${from.width}×${from.height} → ${to.width}×${to.height}`;
  const aspect = aspectRatioChange(from, to);
  if (close) return `Resized ${sizes} with each layer's constraints, as Figma does (the shape changed ${aspect.toFixed(2)}×).`;
  const why = bigChange ? `the aspect ratio changed ${aspect.toFixed(1)}×` : `the size changed ${scale.toFixed(2)}×`;
  return `Resized ${sizes}: ${why}, so the content was scaled uniformly to ${Math.round(scale * 1000) / 10}% to fit and re-anchored by each layer's constraints.`;
}

/** Resizes a frame to `width`×`height`: children follow constraints, or reflow in auto layout. */
function resizeFrame(frame: FrameNode, width: number, height: number, ctx: PlanContext): FrameNode {
  const s = ctx.scale;
  const out: FrameNode = {
    ...frame,
    width,
    height,
    paddingTop: frame.paddingTop * s,
    paddingRight: frame.paddingRight * s,
    paddingBottom: frame.paddingBottom * s,
    paddingLeft: frame.paddingLeft * s,
    itemSpacing: frame.itemSpacing * s,
  };
  if (frame.layoutMode === 'NONE') {
    out.children = frame.children.map((child) => followConstraints(child, 0, 0, frame, out, ctx));
    return out;
  }
  return reflow(frame, out, ctx);
}

/**
 * Places a child by its constraints, returning it with x/y relative to the frame. A group has no
 * constraints of its own (as in Figma): each of its children follows its own, relative to the frame,
 * and the group is then fitted around them.
 */
function followConstraints(
  node: SnapshotNode,
  offsetX: number,
  offsetY: number,
  oldFrame: Rect,
  newFrame: Rect,
  ctx: PlanContext,
): SnapshotNode {
  if (node.type === 'group') {
    const children = node.children.map((child) =>
      followConstraints(child, offsetX + node.x, offsetY + node.y, oldFrame, newFrame, ctx),
    );
    return fitGroups({ ...node, x: 0, y: 0, children }) as GroupNode;
  }
  const h = placeOnAxis(node.constraints.horizontal, offsetX + node.x, node.width, oldFrame.width, newFrame.width, ctx.scale);
  const v = placeOnAxis(node.constraints.vertical, offsetY + node.y, node.height, oldFrame.height, newFrame.height, ctx.scale);
  return adapt(node, { x: h.start, y: v.start, width: h.size, height: v.size }, ctx);
}

/** Fits one layer into its new box: frames recurse, text fits, images cover. */
function adapt(node: SnapshotNode, box: Rect, ctx: PlanContext): SnapshotNode {
  switch (node.type) {
    case 'frame':
      return { ...resizeFrame(node, box.width, box.height, ctx), x: box.x, y: box.y };
    case 'text':
      return fitTextNode(node, box, ctx);
    case 'group':
      return { ...scaleGroup(node, ctx), x: box.x, y: box.y };
    default:
      return cover({ ...node, ...box, ...(node.type === 'shape' && node.cornerRadius !== undefined ? { cornerRadius: node.cornerRadius * ctx.scale } : {}) }, node, ctx);
  }
}

// A group inside an auto-layout flow moves as one block; its content scales with the plan.
function scaleGroup(group: GroupNode, ctx: PlanContext): GroupNode {
  const s = ctx.scale;
  const children = group.children.map((child) =>
    child.type === 'group'
      ? { ...scaleGroup(child, ctx), x: child.x * s, y: child.y * s }
      : adapt(child, { x: child.x * s, y: child.y * s, width: child.width * s, height: child.height * s }, ctx),
  );
  return { ...group, width: group.width * s, height: group.height * s, children };
}

function fitTextNode(node: TextNode, box: Rect, ctx: PlanContext): TextNode {
  if (ctx.logoParts.has(node.id)) return scaleText(node, box, ctx.scale);
  const fit = fitText(node, box, ctx.scale, ctx.minTextSize, ctx.roomWidth);
  const name = label(node);
  const px = (value: number) => `${Math.round(value * 10) / 10} px`;
  if (fit.raised) ctx.actions.push(`Raised ${name} from ${px(fit.from)} to the ${px(fit.node.fontSize)} minimum for ${ctx.sizeLabel}.`);
  if (fit.shrunk && !fit.overflow)
    ctx.actions.push(`Shrank ${name} from ${px(Math.max(fit.from, ctx.minTextSize ?? 0))} to ${px(fit.node.fontSize)} so the copy fits its box.`);
  if (fit.overflow) {
    const floor = ctx.minTextSize === undefined ? '' : ` even at the ${px(ctx.minTextSize)} minimum`;
    ctx.flags.push({
      kind: 'text-overflow',
      nodeId: node.id,
      nodeName: node.name,
      message: `${name} does not fit its ${Math.round(box.width)}×${Math.round(box.height)} box at ${ctx.sizeLabel}${floor}; shorten the copy or give it more room.`,
    });
  }
  return fit.node;
}

function scaleText(node: TextNode, box: Rect, scale: number): TextNode {
  return {
    ...node,
    ...box,
    fontSize: node.fontSize * scale,
    letterSpacing: node.letterSpacing * scale,
    ...(node.lineHeight === undefined ? {} : { lineHeight: node.lineHeight * scale }),
    ...(node.segments
      ? { segments: node.segments.map((run) => (run.fontSize === undefined ? run : { ...run, fontSize: run.fontSize * scale })) }
      : {}),
  };
}

/**
 * Images cover their new box: the picture keeps its proportions and the excess is cropped, centred
 * (Figma's FILL scale mode). CROP mode would stretch with the box, so it becomes FILL. FIT and TILE
 * never stretch and are left alone. The visible part is recorded in `crop` on image layers.
 */
function cover<T extends SnapshotNode>(node: T, master: T, ctx: PlanContext): T {
  const paintIndex = node.fills.findIndex((paint) => paint.type === 'IMAGE' && paint.visible);
  const paint = node.fills[paintIndex];
  if (paint?.type !== 'IMAGE' || paint.scaleMode === 'FIT' || paint.scaleMode === 'TILE') return node;
  if (node.width <= 0 || node.height <= 0 || master.width <= 0 || master.height <= 0) return node;
  const fills = paint.scaleMode === 'CROP' ? node.fills.map((p, i) => (i === paintIndex ? { ...paint, scaleMode: 'FILL' as const } : p)) : node.fills;
  if (node.type !== 'image' || master.type !== 'image') return { ...node, fills };
  const source =
    master.imageWidth && master.imageHeight
      ? master.imageWidth / master.imageHeight
      : (master.width / master.height) * (master.crop ? master.crop.height / master.crop.width : 1);
  const crop = coverCrop(source, node.width / node.height);
  const before = master.crop ?? coverCrop(source, master.width / master.height);
  if (Math.abs(crop.width - before.width) > 0.005 || Math.abs(crop.height - before.height) > 0.005) {
    const pct = (share: number) => `${Math.round(share * 100)}%`;
    ctx.actions.push(
      `Cropped ${label(node)} to cover its ${Math.round(node.width)}×${Math.round(node.height)} box without stretching: it shows ${pct(crop.width)} of the picture's width and ${pct(crop.height)} of its height, centred.`,
    );
  }
  return { ...node, fills, crop };
}

/** Auto layout: stacks the flow children with padding and spacing; grow, fill and hug as Figma does. */
function reflow(frame: FrameNode, out: FrameNode, ctx: PlanContext): FrameNode {
  const s = ctx.scale;
  const horizontal = frame.layoutMode === 'HORIZONTAL';
  const main = horizontal ? 'width' : 'height';
  const cross = horizontal ? 'height' : 'width';
  const padMainStart = horizontal ? out.paddingLeft : out.paddingTop;
  const padMainEnd = horizontal ? out.paddingRight : out.paddingBottom;
  const padCrossStart = horizontal ? out.paddingTop : out.paddingLeft;
  const padCrossEnd = horizontal ? out.paddingBottom : out.paddingRight;
  const isFlow = (child: SnapshotNode) => child.layoutPositioning !== 'ABSOLUTE' && child.visible;
  const grows = (child: SnapshotNode) =>
    (child.layoutGrow ?? 0) > 0 || (horizontal ? child.layoutSizingHorizontal : child.layoutSizingVertical) === 'FILL';
  const stretches = (child: SnapshotNode) =>
    child.layoutAlign === 'STRETCH' || (horizontal ? child.layoutSizingVertical : child.layoutSizingHorizontal) === 'FILL';
  const hugMain = frame.primaryAxisSizingMode === 'AUTO';
  const hugCross = frame.counterAxisSizingMode === 'AUTO';

  const flow = frame.children.filter(isFlow);
  const gaps = out.itemSpacing * Math.max(0, flow.length - 1);
  const innerCross = hugCross
    ? Math.max(0, ...flow.filter((child) => !stretches(child)).map((child) => child[cross] * s))
    : Math.max(0, out[cross] - padCrossStart - padCrossEnd);
  const fixedMain = flow.filter((child) => hugMain || !grows(child)).reduce((sum, child) => sum + child[main] * s, 0);
  const growWeight = hugMain ? 0 : flow.filter(grows).reduce((sum, child) => sum + Math.max(child.layoutGrow ?? 0, 1), 0);
  const spare = Math.max(0, out[main] - padMainStart - padMainEnd - gaps - fixedMain);

  // First the sizes, then each child adapts to its size, then positions from the final sizes
  // (text with auto width may come back narrower than it went in).
  const sized = frame.children.map((child) => {
    // Hidden children take no room but still scale, so showing one later looks right.
    if (!child.visible && child.layoutPositioning !== 'ABSOLUTE')
      return adapt(child, { x: child.x * s, y: child.y * s, width: child.width * s, height: child.height * s }, ctx);
    if (!isFlow(child)) return child;
    const mainSize = !hugMain && grows(child) ? (spare * Math.max(child.layoutGrow ?? 0, 1)) / growWeight : child[main] * s;
    const crossSize = stretches(child) ? innerCross : child[cross] * s;
    const box = horizontal
      ? { x: 0, y: 0, width: mainSize, height: crossSize }
      : { x: 0, y: 0, width: crossSize, height: mainSize };
    return adapt(child, box, ctx);
  });
  const placedFlow = sized.filter((_child, index) => isFlow(frame.children[index]!));
  const used = placedFlow.reduce((sum, child) => sum + child[main], 0) + gaps;
  if (hugMain) out[main] = used + padMainStart + padMainEnd;
  if (hugCross) out[cross] = Math.max(0, ...placedFlow.map((child) => child[cross])) + padCrossStart + padCrossEnd;
  const innerMain = out[main] - padMainStart - padMainEnd;
  const crossRoom = out[cross] - padCrossStart - padCrossEnd;

  let gap = out.itemSpacing;
  let cursor = padMainStart;
  const free = innerMain - (used - gaps);
  const count = placedFlow.length;
  // Figma's distributions: BETWEEN puts the free space only between items, AROUND gives each item
  // half a gap on either side, EVENLY makes the ends and the gaps equal.
  if (frame.primaryAxisAlignItems === 'SPACE_BETWEEN' && count > 1) gap = free / (count - 1);
  else if (frame.primaryAxisAlignItems === 'SPACE_AROUND' && count > 0) {
    gap = free / count;
    cursor += gap / 2;
  } else if (frame.primaryAxisAlignItems === 'SPACE_EVENLY' && count > 0) {
    gap = free / (count + 1);
    cursor += gap;
  } else if (frame.primaryAxisAlignItems === 'CENTER') cursor += (innerMain - used) / 2;
  else if (frame.primaryAxisAlignItems === 'MAX') cursor += innerMain - used;

  out.children = sized.map((child, index) => {
    const original = frame.children[index]!;
    if (!original.visible && original.layoutPositioning !== 'ABSOLUTE') return child;
    if (!isFlow(original)) return followConstraints(original, 0, 0, frame, out, ctx);
    let crossAt = padCrossStart;
    if (frame.counterAxisAlignItems === 'CENTER') crossAt += (crossRoom - child[cross]) / 2;
    else if (frame.counterAxisAlignItems === 'MAX') crossAt += crossRoom - child[cross];
    const placed = horizontal ? { ...child, x: cursor, y: crossAt } : { ...child, x: crossAt, y: cursor };
    cursor += child[main] + gap;
    return placed;
  });
  const direction = horizontal ? 'side by side' : 'top to bottom';
  const items = `${flow.length} ${flow.length === 1 ? 'item' : 'items'}`;
  ctx.actions.push(`Reflowed the auto-layout frame ${label(frame)} (${direction}, ${items}).`);
  return out;
}

/**
 * Flags copy the frame would cut off: text that fits its own box can still end up past the frame's
 * edge, when a hugging auto-layout stack grows taller than a short banner.
 */
function flagTextOutside(root: CreativeSnapshot, ctx: PlanContext): void {
  const frame = { x: -0.5, y: -0.5, width: root.width + 1, height: root.height + 1 };
  const flagged = new Set(ctx.flags.map((flag) => flag.nodeId));
  for (const { node, rect } of placeNodes(root)) {
    if (node.type !== 'text' || !node.characters.trim() || ctx.logoParts.has(node.id) || flagged.has(node.id)) continue;
    if (contains(frame, rect)) continue;
    ctx.flags.push({
      kind: 'text-overflow',
      nodeId: node.id,
      nodeName: node.name,
      message: `${label(node)} runs past the edge of the ${ctx.sizeLabel} frame and would be cut off; shorten the copy or give it more room.`,
    });
  }
}

/**
 * Keeps every logo fully inside the frame with its clear space from the edges: it moves inward
 * first, and shrinks only when the frame is too small for the logo plus its clear space. Layers
 * left inside the clear space are flagged, not moved: which one should give way is a design call.
 */
function keepLogos(root: CreativeSnapshot, options: ConstraintOptions, ctx: PlanContext): CreativeSnapshot {
  const share = options.logoClearSpace ?? 0;
  for (const logo of findLogos(placeNodes(root), options.logoPattern ?? '#logo')) {
    const { rect } = logo;
    const clear = logoClearance(rect, share);
    const shrink = Math.min(1, root.width / (rect.width + 2 * clear), root.height / (rect.height + 2 * clear));
    const width = rect.width * shrink;
    const height = rect.height * shrink;
    const room = clear * shrink;
    const x = Math.min(Math.max(rect.x, room), root.width - room - width);
    const y = Math.min(Math.max(rect.y, room), root.height - room - height);
    const dx = x - rect.x;
    const dy = y - rect.y;
    if (shrink < 1 || Math.abs(dx) > 0.01 || Math.abs(dy) > 0.01) {
      root = fitGroups(replaceNode(root, logo.node.id, (node) => moveAndShrink(node, dx, dy, shrink, ctx)));
      ctx.actions.push(
        shrink < 1
          ? `Shrank the logo ${label(logo.node)} to ${Math.round(shrink * 100)}% and moved it to keep its clear space inside the frame.`
          : `Moved the logo ${label(logo.node)} by ${Math.round(dx)}, ${Math.round(dy)} px to keep its clear space inside the frame.`,
      );
    }
    const placed = placeNodes(root);
    const moved = placed.find((entry) => entry.node.id === logo.node.id)!;
    for (const other of crowdingLayers(placed, moved, logoClearance(moved.rect, share)))
      ctx.flags.push({
        kind: 'logo-clear-space',
        nodeId: other.node.id,
        nodeName: other.node.name,
        message: `${label(other.node)} sits inside the clear space of the logo ${label(logo.node)} at ${ctx.sizeLabel}; move it or shorten it.`,
      });
  }
  return root;
}

function moveAndShrink(node: SnapshotNode, dx: number, dy: number, shrink: number, ctx: PlanContext): SnapshotNode {
  if (shrink === 1) return { ...node, x: node.x + dx, y: node.y + dy };
  // Scaling from the top-left, like Figma's rescale(); the logo's own text is not held to the minimum.
  const quiet: PlanContext = { ...ctx, scale: shrink, actions: [], flags: [], minTextSize: undefined };
  const box = { x: node.x + dx, y: node.y + dy, width: node.width * shrink, height: node.height * shrink };
  return adapt(node, box, quiet);
}
