import { label } from '../visual/finding';
import type { CreativeSnapshot, FrameNode, ImageNode, SnapshotNode, TextNode } from '../visual/snapshot';
import { isPainted, type Rect } from '../visual/tree';
import { aspectClass, type AspectClass } from './aspect';
import { coverCrop } from './cover';
import { textRoles, type LayoutRole } from './roles';
import { measureText, textWidth } from './text-measure';

// The role-based arrangement: the master's layers are read into roles, the version picks an
// arrangement for its aspect class (a row for strips, a column beside or under the picture for the
// rest), and the text is set by one type scale `t` shared by every text, so the hierarchy holds.
// What does not fit is left out in a stated order, never squeezed on top of something else.

/** What a plan may leave out, first to last. Headline, CTA, logo and (by default) legal are never dropped. */
export const dropOrder: readonly LayoutRole[] = ['badge', 'decoration', 'eyebrow', 'body', 'hero', 'legal'];

export interface ArrangeInput {
  master: CreativeSnapshot;
  roles: ReadonlyMap<string, LayoutRole>;
  width: number;
  height: number;
  /** Smallest text in output pixels. */
  floor: number;
  /** Smallest short side of the logo in pixels. */
  logoMin: number;
  /** Logo clear space as a share of its short side. */
  clearShare: number;
  /** The safe area: where foreground goes. */
  safe: Rect;
  /** Roles left out before anything is measured. */
  drops: ReadonlySet<LayoutRole>;
  /** Roles the plan may never leave out. */
  kept: ReadonlySet<LayoutRole>;
  /** Measured ÷ estimated text heights per layer id, from the host's own text layout (refinePlan). */
  corrections: ReadonlyMap<string, number>;
}

export interface Arranged {
  snapshot: CreativeSnapshot;
  notes: string[];
  /** Roles left out, with the layers. */
  dropped: { role: LayoutRole; id: string; name: string }[];
  /** True when something that may not be dropped did not fit. */
  overflow: string[];
  arrangement: string;
}

interface Placed {
  rect: Rect;
  node: SnapshotNode;
}

type Item =
  | { kind: 'text'; id: string; role: LayoutRole; node: TextNode; y: number }
  | { kind: 'unit'; id: string; role: LayoutRole; node: SnapshotNode; y: number }
  | { kind: 'image'; id: string; role: LayoutRole; node: SnapshotNode; y: number }
  | { kind: 'stack'; id: string; role: LayoutRole; node: FrameNode; y: number; children: Item[] };

interface Sized {
  item: Item;
  width: number;
  height: number;
  /** Places the item with its top-left at x, y (absolute), writing into the plan. */
  place: (x: number, y: number, out: Map<string, Placed>) => void;
  over: boolean;
  /** A stack's children, as measured inside it. */
  children?: Sized[];
  /** Makes a stack taller by `extra`, its content staying at the top. */
  grow?: (extra: number) => void;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** The text set at `size`: line height, spacing and styled runs follow, box from `box`. */
export function sizedText(node: TextNode, size: number, box: { width: number; height: number }, mode = node.textAutoResize): TextNode {
  const ratio = size / node.fontSize;
  return {
    ...node,
    width: round(box.width),
    height: round(box.height),
    // Figma refuses font sizes under 1 px.
    fontSize: Math.max(1, round(size)),
    textAutoResize: mode,
    letterSpacing: round(node.letterSpacing * ratio),
    ...(node.lineHeight === undefined ? {} : { lineHeight: round(node.lineHeight * ratio) }),
    ...(node.segments ? { segments: node.segments.map((run) => (run.fontSize === undefined ? run : { ...run, fontSize: Math.max(1, round(run.fontSize * ratio)) })) } : {}),
  };
}

/** A layer and everything in it scaled by `k` from its top-left, as Figma's rescale() does. */
export function scaleNode<T extends SnapshotNode>(node: T, scale: number, top = true): T {
  const k = Number.isFinite(scale) ? Math.max(1e-3, scale) : 1;
  const out = { ...node, width: round(node.width * k), height: round(node.height * k) } as T;
  if (!top) Object.assign(out, { x: round(node.x * k), y: round(node.y * k) });
  if (out.type === 'text') return { ...sizedText(out as TextNode, (out as TextNode).fontSize * k, out), x: out.x, y: out.y } as T;
  if (out.type === 'shape' && out.cornerRadius !== undefined) out.cornerRadius = round(out.cornerRadius * k);
  if (out.type === 'frame') {
    Object.assign(out, {
      paddingTop: round(out.paddingTop * k), paddingRight: round(out.paddingRight * k), paddingBottom: round(out.paddingBottom * k),
      paddingLeft: round(out.paddingLeft * k), itemSpacing: round(out.itemSpacing * k),
    });
  }
  if (out.type === 'frame' || out.type === 'group') (out as FrameNode).children = (node as FrameNode).children.map((child) => scaleNode(child, k, false));
  return out;
}

/** An image or image-filled layer covering `box` without stretching: FILL, with the centred crop recorded. */
export function coverBox<T extends SnapshotNode>(node: T, box: { width: number; height: number }): T {
  const out = { ...node, width: round(box.width), height: round(box.height) } as T;
  const fills = node.fills.map((paint) => (paint.type === 'IMAGE' && paint.scaleMode === 'CROP' ? { ...paint, scaleMode: 'FILL' as const } : paint));
  out.fills = fills;
  if (node.type === 'frame' || node.type === 'group') {
    // A framed or grouped picture: each part keeps its share of the box, and pictures cover their part.
    const sx = box.width / Math.max(1, node.width);
    const sy = box.height / Math.max(1, node.height);
    (out as FrameNode).children = node.children.map((child) => ({ ...coverBox(child, { width: child.width * sx, height: child.height * sy }), x: round(child.x * sx), y: round(child.y * sy) }));
    return out;
  }
  if (node.type !== 'image' || box.width <= 0 || box.height <= 0) return out;
  const image = node as ImageNode;
  const source = image.imageWidth && image.imageHeight ? image.imageWidth / image.imageHeight : (node.width / Math.max(1, node.height)) * (image.crop ? image.crop.height / image.crop.width : 1);
  return { ...out, crop: coverCrop(source, box.width / box.height) } as T;
}

const textsOf = (node: SnapshotNode): TextNode[] =>
  node.type === 'text' ? [node] : node.type === 'frame' || node.type === 'group' ? node.children.filter((child) => child.visible).flatMap(textsOf) : [];

type HeroMode = 'none' | 'bleed' | 'left' | 'right' | 'top' | 'bottom' | 'inset';

/** Lays out one version from roles. Pure. */
export function arrange(input: ArrangeInput): Arranged {
  const { master, roles, width: W, height: H } = input;
  const cls = aspectClass(W, H);
  const out = new Map<string, Placed>();
  const hidden = new Set<string>();
  const notes: string[] = [];
  const dropped: Arranged['dropped'] = [];
  const overflow: string[] = [];
  const drop = (id: string, node: SnapshotNode, role: LayoutRole, why: string) => {
    if (hidden.has(id)) return;
    hidden.add(id);
    if (role !== 'decoration') dropped.push({ role, id, name: node.name });
    if (why) notes.push(`Left out the ${roleWords[role]} ${label(node)}: ${why}.`);
  };

  // Read the tree into items (the foreground, in reading order) and scenery.
  const strip = cls === 'strip';
  const items: Item[] = [];
  const scenery: { id: string; role: LayoutRole; node: SnapshotNode; rect: Rect }[] = [];
  const collect = (node: SnapshotNode, ox: number, oy: number, into: Item[]) => {
    if (!node.visible) return;
    const rect = { x: ox + node.x, y: oy + node.y, width: node.width, height: node.height };
    const role = roles.get(node.id);
    if (!role) {
      if (node.type === 'frame' || node.type === 'group') for (const child of node.children) collect(child, rect.x, rect.y, into);
      else hidden.add(node.id);
      return;
    }
    if (input.drops.has(role) && !input.kept.has(role)) {
      drop(node.id, node, role, role === 'decoration' ? '' : 'there is no room for it here');
      return;
    }
    if (role === 'group') {
      const stackable = !strip && node.type === 'frame' && node.layoutMode === 'VERTICAL' && node.children.every((child) => {
        const r = roles.get(child.id);
        return !child.visible || (r !== undefined && r !== 'group' && r !== 'hero' && r !== 'background' && r !== 'overlay' && child.layoutPositioning !== 'ABSOLUTE');
      });
      if (stackable) {
        const children: Item[] = [];
        for (const child of node.children) collect(child, rect.x, rect.y, children);
        if (children.length) into.push({ kind: 'stack', id: node.id, role, node: node as FrameNode, y: rect.y, children });
        else hidden.add(node.id);
        return;
      }
      if (node.type === 'frame' || node.type === 'group') for (const child of node.children) collect(child, rect.x, rect.y, into);
      return;
    }
    if (role === 'background' || role === 'overlay' || role === 'backdrop') {
      scenery.push({ id: node.id, role, node, rect });
      return;
    }
    if (role === 'hero') {
      into.push({ kind: 'image', id: node.id, role, node, y: rect.y });
      return;
    }
    if (role === 'decoration') {
      // Ornaments belong to the master's arrangement; a new one leaves them out.
      hidden.add(node.id);
      return;
    }
    if (node.type === 'text' && textRoles.has(role)) into.push({ kind: 'text', id: node.id, role, node, y: rect.y });
    else if (node.type === 'text' && role === 'cta') into.push({ kind: 'text', id: node.id, role, node, y: rect.y });
    else into.push({ kind: 'unit', id: node.id, role, node, y: rect.y });
  };
  for (const child of master.children) collect(child, 0, 0, items);
  // On a small display ad a badge competes with the call to action; it goes first (RESIZE.md priorities).
  if (Math.min(W, H) < 400) {
    const badges: Item[] = [];
    const walk = (list: Item[]) => list.forEach((item) => (item.kind === 'stack' ? walk(item.children) : item.role === 'badge' ? badges.push(item) : undefined));
    walk(items);
    for (const badge of badges) if (!input.kept.has('badge')) drop(badge.id, badge.node, 'badge', `at ${W}×${H} it would compete with the call to action`);
  }

  // The picture: where it sat in the master decides where it goes.
  const heroes = items.filter((item) => item.kind === 'image');
  const hero = heroes.sort((a, b) => b.node.width * b.node.height - a.node.width * a.node.height)[0];
  for (const other of heroes) if (other !== hero) drop(other.id, other.node, 'decoration', '');
  const heroRect = hero ? absRect(master, hero.id) : undefined;
  const mode = heroMode(master, heroRect, items);
  const foreground = items.filter((item) => item.kind !== 'image');

  // Regions: the picture's panel and the copy's region.
  const safe = input.safe;
  const margin = Math.max(4, Math.min(safe.x, W - safe.x - safe.width, safe.y, H - safe.y - safe.height));
  let heroBox: Rect | undefined;
  let region = safe;
  let inlineHero = false;
  let arrangement: string = arrangementNames[cls];
  if (hero && heroRect) {
    if (input.drops.has('hero')) drop(hero.id, hero.node, 'hero', `a ${W}×${H} ${classWords[cls]} has no room for a picture beside the copy`);
    else if (mode === 'bleed') heroBox = { x: 0, y: 0, width: W, height: H };
    else if (strip) drop(hero.id, hero.node, 'hero', `a ${W}×${H} strip has room for one row only`);
    else if ((mode === 'left' || mode === 'right' || mode === 'inset') && (cls === 'wide' || cls === 'landscape' || (cls === 'square' && mode !== 'inset'))) {
      const masterShare = mode === 'inset' ? 0.4 : heroRect.width / master.width;
      const share = cls === 'wide' ? 0.4 : Math.min(0.5, Math.max(0.35, masterShare));
      const panel = Math.round(W * share);
      const left = mode === 'left';
      heroBox = { x: left ? 0 : W - panel, y: 0, width: panel, height: H };
      region = left
        ? { x: panel + margin, y: safe.y, width: safe.x + safe.width - panel - margin, height: safe.height }
        : { x: safe.x, y: safe.y, width: W - panel - margin - safe.x, height: safe.height };
      arrangement += `, picture ${left ? 'left' : 'right'}`;
    } else if ((mode === 'top' || mode === 'bottom') && cls !== 'wide' && cls !== 'landscape') {
      const share = Math.min(0.45, Math.max(0.3, heroRect.height / master.height));
      const band = Math.round(H * share);
      const top = mode === 'top';
      heroBox = { x: 0, y: top ? 0 : H - band, width: W, height: band };
      region = top
        ? { x: safe.x, y: Math.max(band + margin, safe.y), width: safe.width, height: safe.y + safe.height - Math.max(band + margin, safe.y) }
        : { x: safe.x, y: safe.y, width: safe.width, height: Math.min(H - band - margin, safe.y + safe.height) - safe.y };
      arrangement += `, picture ${mode}`;
    } else if (mode === 'top' || mode === 'bottom') {
      const panel = Math.round(W * (cls === 'wide' ? 0.4 : 0.45));
      heroBox = { x: W - panel, y: 0, width: panel, height: H };
      region = { x: safe.x, y: safe.y, width: W - panel - margin - safe.x, height: safe.height };
      arrangement += ', picture right';
    } else inlineHero = true;
  }

  region = { ...region, width: Math.max(1, region.width), height: Math.max(1, region.height) };

  // The copy: one row for strips, else a column.
  const align = alignmentOf(items);
  const clear = input.clearShare;
  const ctx: MeasureCtx = { ceiling: Infinity, input, cls, notes, drop, overflow, hidden };
  const column: Item[] = [...foreground];
  if (inlineHero && hero) {
    const at = column.findIndex((item) => hasRole(item, 'headline', roles));
    column.splice(at < 0 ? 0 : at + 1, 0, hero);
  }
  ordered(column, roles, master);
  if (strip) layoutRow(column, region, ctx, out, clear);
  else layoutColumn(column, region, ctx, out, align, clear, inlineHero ? hero : undefined);

  // Scenery follows: backgrounds cover, overlays follow the picture, backdrops wrap what they held.
  if (hero && !hidden.has(hero.id) && heroBox) out.set(hero.id, { rect: heroBox, node: coverBox(hero.node, heroBox) });
  const heroPlaced = hero ? out.get(hero.id) : undefined;
  for (const piece of scenery) {
    if (piece.role === 'background') {
      const box = { x: 0, y: 0, width: W, height: H };
      out.set(piece.id, { rect: box, node: coverBox(resizeContainer(piece.node, box), box) });
    } else if (piece.role === 'overlay') {
      if (heroPlaced && heroRect && overlapShare(piece.rect, heroRect) > 0.5) out.set(piece.id, { rect: heroPlaced.rect, node: coverBox(piece.node, heroPlaced.rect) });
      else if (piece.rect.width * piece.rect.height >= 0.5 * master.width * master.height) {
        const box = { x: 0, y: 0, width: W, height: H };
        out.set(piece.id, { rect: box, node: coverBox(piece.node, box) });
      } else hidden.add(piece.id);
    } else {
      const held = [...out.entries()].filter(([id]) => {
        const r = absRect(master, id);
        return r && containsRect(piece.rect, r) && id !== piece.id && !isScenery(roles.get(id));
      });
      if (!held.length) {
        hidden.add(piece.id);
        continue;
      }
      const inner = unionRect(held.map(([, placed]) => placed.rect));
      const heldMaster = unionRect(held.map(([id]) => absRect(master, id)!));
      const inset = Math.max(4, Math.min(24, (heldMaster.x - piece.rect.x) * 0.5, margin));
      const box = clampRect({ x: inner.x - inset, y: inner.y - inset, width: inner.width + 2 * inset, height: inner.height + 2 * inset }, W, H);
      out.set(piece.id, { rect: box, node: coverBox(resizeContainer(piece.node, box), box) });
    }
  }

  const snapshot = rebuild(master, out, hidden, W, H);
  return { snapshot, notes, dropped, overflow, arrangement };
}

const roleWords: Record<LayoutRole, string> = {
  background: 'background', backdrop: 'panel', hero: 'picture', overlay: 'overlay', logo: 'logo', headline: 'headline', body: 'body copy',
  eyebrow: 'eyebrow', cta: 'call to action', legal: 'legal line', badge: 'badge', decoration: 'decoration', group: 'group',
};
const classWords: Record<AspectClass, string> = {
  strip: 'strip', wide: 'wide banner', landscape: 'landscape', square: 'near-square', portrait: 'portrait', skyscraper: 'skyscraper',
};
const arrangementNames: Record<AspectClass, string> = {
  strip: 'one row: logo, copy, call to action',
  wide: 'wide: copy column beside the picture',
  landscape: 'landscape: copy column beside the picture',
  square: 'near-square: stacked copy',
  portrait: 'portrait: one stacked column',
  skyscraper: 'skyscraper: one narrow column',
};

const isScenery = (role: LayoutRole | undefined) => role === 'background' || role === 'overlay' || role === 'backdrop' || role === 'hero';

function hasRole(item: Item, role: LayoutRole, roles: ReadonlyMap<string, LayoutRole>): boolean {
  if (item.role === role) return true;
  return item.kind === 'stack' && item.children.some((child) => hasRole(child, role, roles));
}

// Logo first, legal last, the rest in the master's reading order (the picture stays after the headline).
function ordered(items: Item[], roles: ReadonlyMap<string, LayoutRole>, master: CreativeSnapshot): void {
  const rank = (item: Item) => (hasRole(item, 'logo', roles) && item.kind !== 'stack' ? 0 : item.role === 'legal' ? 2 : 1);
  const position = new Map(items.map((item, index) => [item, index]));
  const reading = readingOrder(items, master);
  items.sort((a, b) => {
    const r = rank(a) - rank(b);
    if (r) return r;
    if (a.kind === 'image' || b.kind === 'image') return position.get(a)! - position.get(b)!;
    return reading.get(a)! - reading.get(b)!;
  });
}

/**
 * The order a reader takes the master's items in: rows from the top, each read left to right. An item
 * joins the row above when it shares at least half the shorter height with it, as the items of a
 * horizontal auto-layout row do; this is the order the layout audit checks (readsBefore).
 */
function readingOrder(items: readonly Item[], master: CreativeSnapshot): Map<Item, number> {
  const boxes = items.map((item) => ({ item, rect: absRect(master, item.id) ?? { x: 0, y: item.y, width: 0, height: 0 } }));
  boxes.sort((a, b) => a.rect.y - b.rect.y);
  const rows: { top: number; bottom: number; boxes: typeof boxes }[] = [];
  for (const box of boxes) {
    const { y, height } = box.rect;
    const row = rows[rows.length - 1];
    const shared = row ? Math.min(row.bottom, y + height) - Math.max(row.top, y) : 0;
    if (row && height > 0 && shared >= 0.5 * Math.min(row.bottom - row.top, height)) {
      row.boxes.push(box);
      row.top = Math.min(row.top, y);
      row.bottom = Math.max(row.bottom, y + height);
    } else rows.push({ top: y, bottom: y + height, boxes: [box] });
  }
  const order = rows.flatMap((row) => row.boxes.sort((a, b) => a.rect.x - b.rect.x));
  return new Map(order.map((box, index) => [box.item, index]));
}

function alignmentOf(items: readonly Item[]): 'left' | 'center' {
  const texts = items.flatMap((item) => (item.kind === 'stack' ? item.children : [item])).filter((item) => item.kind === 'text') as Extract<Item, { kind: 'text' }>[];
  const headline = texts.find((item) => item.role === 'headline') ?? texts[0];
  return headline?.node.textAlignHorizontal === 'CENTER' ? 'center' : 'left';
}

function heroMode(master: CreativeSnapshot, rect: Rect | undefined, items: readonly Item[]): HeroMode {
  if (!rect) return 'none';
  const W = master.width;
  const H = master.height;
  if (rect.width * rect.height >= 0.6 * W * H) return 'bleed';
  // Copy printed over the picture means the picture is the backdrop.
  const texts = items.filter((item) => item.kind === 'text').map((item) => absRect(master, item.id)!);
  if (texts.some((text) => overlapShare(text, rect) > 0.5 && rect.width * rect.height >= 0.3 * W * H)) return 'bleed';
  if (rect.height >= 0.7 * H && rect.x + rect.width >= W - 2) return 'right';
  if (rect.height >= 0.7 * H && rect.x <= 2) return 'left';
  if (rect.width >= 0.7 * W && rect.y <= 2) return 'top';
  if (rect.width >= 0.7 * W && rect.y + rect.height >= H - 2) return 'bottom';
  return 'inset';
}

interface MeasureCtx {
  /** No text but the headline may be larger than this (the headline stays the largest), the labels of buttons and badges included. */
  ceiling: number;
  input: ArrangeInput;
  cls: AspectClass;
  notes: string[];
  drop: (id: string, node: SnapshotNode, role: LayoutRole, why: string) => void;
  overflow: string[];
  hidden: Set<string>;
}

/** Line caps by role and class: a strip's headline takes one line; body copy two. */
function lineCap(role: LayoutRole, cls: AspectClass, relaxed: boolean): number {
  if (role === 'headline') return cls === 'strip' ? (relaxed ? 3 : 1) : cls === 'skyscraper' ? 5 : 3;
  if (role === 'body') return cls === 'strip' || cls === 'wide' ? 1 : cls === 'skyscraper' ? 4 : 3;
  if (role === 'legal') return cls === 'strip' ? 2 : 3;
  return 1;
}

/**
 * The width model averages Arial-like sans-serifs; brand faces such as Inter set about 8% wider, so
 * the plan wraps as if the text were that much wider and leaves the slack in the box. The host's
 * own measurement (refinePlan) replaces the guess.
 */
export const planWidthSafety = 1.08;

function textHeight(node: TextNode, size: number, width: number | undefined, correction: number) {
  const ratio = size / node.fontSize;
  const font = {
    fontSize: size,
    fontStyle: node.fontStyle,
    letterSpacing: node.letterSpacing * ratio,
    lineHeight: node.lineHeight === undefined ? undefined : node.lineHeight * ratio,
  };
  const m = measureText(node.characters, font, width === undefined ? undefined : width / planWidthSafety);
  // A word broken across lines is never set on purpose: the longest word must fit the line.
  const longest = Math.max(0, ...node.characters.split(/\s+/).map((word) => textWidth(word, font))) * planWidthSafety;
  return { width: m.width * planWidthSafety, height: m.height * correction, lines: m.lines, wordsFit: width === undefined || longest <= width };
}

/** Sets one text at the scale `t` into `width`, shrinking (not below the floor) until it keeps to its line cap. */
function sizeText(item: Extract<Item, { kind: 'text' }>, width: number, t: number, ctx: MeasureCtx, headlineFloor: number, relaxed: boolean): Sized {
  const { node, role } = item;
  const floor = ctx.input.floor;
  const correction = ctx.input.corrections.get(node.id) ?? 1;
  let size = Math.max(node.fontSize * t, floor, role === 'headline' ? headlineFloor : 0);
  if (role !== 'headline') size = Math.max(floor, Math.min(size, ctx.ceiling));
  // A one-line headline or body from a row wraps in a column at its size, as a designer would set it,
  // rather than shrinking to keep one line.
  let autoWidth = node.textAutoResize === 'WIDTH_AND_HEIGHT';
  if (autoWidth && (role === 'headline' || role === 'body') && ctx.cls !== 'strip' && textHeight(node, size, undefined, correction).width > width) autoWidth = false;
  const cap = autoWidth ? 1 : lineCap(role, ctx.cls, relaxed);
  let m = textHeight(node, size, autoWidth ? undefined : width, correction);
  const fits = () => (autoWidth ? m.width <= width : m.lines <= cap && m.wordsFit);
  while (!fits() && size > floor) {
    size = Math.max(floor, Math.floor((size - Math.max(0.5, size * 0.06)) * 2) / 2);
    m = textHeight(node, size, autoWidth ? undefined : width, correction);
  }
  let over = !fits();
  let mode = autoWidth ? node.textAutoResize : node.textAutoResize === 'WIDTH_AND_HEIGHT' ? 'HEIGHT' : node.textAutoResize;
  if (autoWidth && over) {
    // One line will not fit: let it wrap at the column's width.
    mode = 'HEIGHT';
    m = textHeight(node, size, width, correction);
    over = m.lines > lineCap(role, ctx.cls, relaxed) || !m.wordsFit;
  }
  const boxWidth = autoWidth && mode === 'WIDTH_AND_HEIGHT' ? Math.ceil(m.width) : width;
  const height = Math.ceil(m.height);
  return {
    item,
    width: boxWidth,
    height,
    over,
    place: (x, y, out) => out.set(node.id, { rect: { x, y, width: boxWidth, height }, node: sizedText(node, size, { width: boxWidth, height }, mode) }),
  };
}

const largestFont = (node: TextNode) => Math.max(node.fontSize, ...(node.segments ?? []).map((run) => run.fontSize ?? 0));

/** The largest text a placed item sets, in pixels (0 when it sets none). */
function loudestText(sized: Sized): number {
  const out = new Map<string, Placed>();
  sized.place(0, 0, out);
  const node = out.get(sized.item.id)?.node;
  return node ? Math.max(0, ...textsOf(node).map(largestFont)) : 0;
}

/** The one text inside a button or badge: its size sets the unit's scale. */
const unitText = (node: SnapshotNode) => textsOf(node).sort((a, b) => a.fontSize - b.fontSize)[0];

/** A logo, button or badge scaled as one piece: by `t`, at least so its text meets the floor, at most `width` wide. */
function sizeUnit(item: Item, width: number, maxHeight: number, t: number, ctx: MeasureCtx, hardWidth = width, preferMark = false, prefer: Preferred = {}): Sized {
  const { node: whole, role } = item;
  // A layer with no area has nothing to scale; it stays as it is.
  if (!(whole.width > 0 && whole.height > 0)) return unitSized(item, whole, false);
  const mark = role === 'logo' && preferMark ? markOf(whole) : undefined;
  const node = mark?.logo ?? whole;
  const { floor, logoMin } = ctx.input;
  let target = node;
  let k: number;
  if (role === 'logo') {
    const short = Math.min(node.width, node.height);
    // A hair over the minimum, so rounding never lands below it.
    const wanted = Math.max(logoMin + 0.05, Math.min(node.height * t, maxHeight, prefer.height ?? Infinity));
    k = Math.min(wanted / node.height, width / node.width, maxHeight / node.height);
    // Legibility first: the logo may take more of the row than it would like, up to `hardWidth`.
    const legible = (logoMin + 0.05) / short;
    if (k < legible && legible * node.width <= hardWidth && legible * node.height <= maxHeight) k = legible;
    if (short * k < logoMin - 0.01) {
      // The lockup cannot be legible here: show the square mark alone, where the logo has one.
      const square = markOf(node);
      if (square) {
        target = square.logo;
        k = Math.min(Math.max(logoMin + 0.05, Math.min(square.size * t * 1.5, maxHeight)) / square.size, width / square.logo.width, maxHeight / square.logo.height);
      }
    }
    const over = Math.min(target.width, target.height) * k < logoMin - 0.01;
    return unitSized(item, scaleNode(target, k), over);
  }
  const text = unitText(node);
  const least = text ? floor / Math.min(text.fontSize, ...(text.segments ?? []).map((run) => run.fontSize ?? Infinity)) : 0;
  k = Math.max(t, least);
  // A button's or badge's label stays a step below the headline, as other text does.
  const loudest = Math.max(0, ...textsOf(node).map(largestFont));
  if (loudest > 0) k = Math.max(least, Math.min(k, ctx.ceiling / loudest));
  // A button keeps to part of a column, as a designer sets one, unless its label needs more to stay legible.
  k = Math.max(least, Math.min(k, (prefer.width ?? Infinity) / node.width, (prefer.height ?? Infinity) / node.height));
  if (node.width * k > width || node.height * k > maxHeight) k = Math.max(least, Math.min(width / node.width, maxHeight / node.height));
  let scaled = scaleNode(node, k);
  // A button too wide for its column gives up side padding before its label gets any smaller.
  if (scaled.width > width + 0.5 && role === 'cta') scaled = squeezeButton(scaled, width) ?? scaled;
  const over = scaled.width > width + 0.5 || scaled.height > maxHeight + 0.5;
  return unitSized(item, scaled, over);
}

/** The button with its side padding cut so it is at most `width` wide; undefined when even the label alone is wider. */
function squeezeButton(button: SnapshotNode, width: number): SnapshotNode | undefined {
  if (button.type !== 'frame' && button.type !== 'group') return undefined;
  const label = button.children.find((child): child is TextNode => child.type === 'text' && child.visible);
  if (!label) return undefined;
  const least = Math.max(4, label.fontSize * 0.5);
  if (label.width + 2 * least > width) return undefined;
  const pad = Math.max(least, (width - label.width) / 2);
  const newWidth = round(label.width + 2 * pad);
  const children = button.children.map((child) => {
    if (child === label) return { ...child, x: round(pad) };
    // Plates stretch with the button.
    return child.width >= button.width * 0.8 ? { ...child, width: newWidth } : { ...child, x: round(child.x * (newWidth / button.width)) };
  });
  const frame = button.type === 'frame' ? { paddingLeft: round(pad), paddingRight: round(pad) } : {};
  return { ...button, ...frame, width: newWidth, children } as SnapshotNode;
}

function unitSized(item: Item, scaled: SnapshotNode, over: boolean): Sized {
  return {
    item,
    width: scaled.width,
    height: scaled.height,
    over,
    place: (x, y, out) => {
      out.set(item.id, { rect: { x, y, width: scaled.width, height: scaled.height }, node: scaled });
    },
  };
}

/** The logo's square mark: a logo group whose first non-text part is about square; the rest is hidden. */
function markOf(node: SnapshotNode): { logo: SnapshotNode; size: number } | undefined {
  if (node.type !== 'group' && node.type !== 'frame') return undefined;
  if (node.type === 'frame' && (isPainted(node) || node.layoutMode !== 'NONE')) return undefined;
  const mark = node.children.find((child) => child.visible && child.type !== 'text' && child.width > 0 && child.height / child.width > 0.7 && child.height / child.width < 1.4);
  if (!mark || node.width < mark.width * 1.8) return undefined;
  const children = node.children.map((child) => (child === mark ? { ...child, x: 0, y: 0 } : { ...child, visible: false }));
  return { logo: { ...node, width: mark.width, height: mark.height, children } as SnapshotNode, size: mark.height };
}

/** A vertical auto-layout frame: its children in its own order, spacing and padding scaled by `t`. */
function sizeStack(item: Extract<Item, { kind: 'stack' }>, width: number, t: number, ctx: MeasureCtx, headlineFloor: number, relaxed: boolean): Sized {
  const { node } = item;
  const pad = { top: node.paddingTop * t, right: node.paddingRight * t, bottom: node.paddingBottom * t, left: node.paddingLeft * t };
  const inner = Math.max(1, width - pad.left - pad.right);
  const children = item.children.map((child) => sizeItem(child, inner, Infinity, t, ctx, headlineFloor, relaxed));
  // A stack holding the logo spaces its items by at least the logo's clear space (the gap is one for all).
  const logo = children.find((child) => child.item.role === 'logo');
  const gap = Math.max(node.itemSpacing > 0 ? 2 : 0, node.itemSpacing * t, logo ? ctx.input.clearShare * Math.min(logo.width, logo.height) : 0);
  const content = children.reduce((sum, child) => sum + child.height, 0) + gap * Math.max(0, children.length - 1);
  const sized: Sized = {
    item,
    width,
    height: pad.top + pad.bottom + content,
    children,
    grow: (extra) => {
      sized.height += extra;
    },
    over: children.some((child) => child.over && !droppable(child.item, ctx)),
    place: (x, y, out) => {
      let cursor = y + pad.top;
      for (const child of children) {
        const room = inner - child.width;
        const dx = node.counterAxisAlignItems === 'CENTER' ? room / 2 : node.counterAxisAlignItems === 'MAX' ? room : 0;
        child.place(x + pad.left + dx, cursor, out);
        cursor += child.height + gap;
      }
      const height = sized.height;
      out.set(node.id, {
        rect: { x, y, width, height },
        node: { ...node, width: round(width), height: round(height), paddingTop: round(pad.top), paddingRight: round(pad.right), paddingBottom: round(pad.bottom), paddingLeft: round(pad.left), itemSpacing: round(gap) },
      });
    },
  };
  return sized;
}

/** The most a unit would like to take; it takes more only to stay legible. */
interface Preferred {
  width?: number;
  height?: number;
}

/** The share of a column a logo or a button takes at most, unless it needs more to stay legible. */
const unitColumnShare = 0.5;
/** The tallest a logo and a button are set, as shares of the frame's short side (legibility wins). */
const logoHeightShare = 0.1;
const buttonHeightShare = 0.14;

function sizeItem(item: Item, width: number, maxHeight: number, t: number, ctx: MeasureCtx, headlineFloor: number, relaxed: boolean): Sized {
  if (item.kind === 'text') return sizeText(item, width, t, ctx, headlineFloor, relaxed);
  if (item.kind === 'stack') return sizeStack(item, width, t, ctx, headlineFloor, relaxed);
  if (item.kind === 'image') return { item, width, height: 0, over: false, place: () => {} };
  const short = Math.min(ctx.input.width, ctx.input.height);
  if (item.role === 'logo') return sizeUnit(item, width * unitColumnShare, maxHeight, t, ctx, width, false, { height: short * logoHeightShare });
  // In a column only: a strip's row sizes its button to the row.
  if (item.role === 'cta' && ctx.cls !== 'strip') return sizeUnit(item, width, maxHeight, t, ctx, width, false, { width: width * unitColumnShare, height: short * buttonHeightShare });
  return sizeUnit(item, width, maxHeight, t, ctx);
}

const droppable = (item: Item, ctx: MeasureCtx) => item.kind !== 'stack' && !ctx.input.kept.has(item.role);

/** Drops droppable items (and stack children) that did not fit; true when any was dropped. */
function dropOverflowing(sized: readonly Sized[], ctx: MeasureCtx, why: string): boolean {
  let any = false;
  for (const entry of sized) {
    if (entry.children && dropOverflowing(entry.children, ctx, why)) any = true;
    if (entry.over && !entry.children && droppable(entry.item, ctx)) {
      ctx.drop(entry.item.id, entry.item.node, entry.item.role, why);
      any = true;
    }
  }
  return any;
}

/** The largest type scale in [lo, hi] for which `fits` holds (fits(lo) is assumed). */
function largest(lo: number, hi: number, fits: (t: number) => boolean): number {
  if (fits(hi)) return hi;
  for (let i = 0; i < 10 && hi - lo > 0.004; i++) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Items with the dropped ones taken out, stacks included. */
function live(items: Item[], hidden: ReadonlySet<string>): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    if (hidden.has(item.id)) continue;
    if (item.kind === 'stack') {
      const children = live(item.children, hidden);
      if (children.length) out.push({ ...item, children });
    } else out.push(item);
  }
  return out;
}

/** The scale at which the master's text would be as wide as the region: the top of the search. */
function topScale(items: readonly Item[], region: Rect, input: ArrangeInput): number {
  const widest = Math.max(1, ...items.filter((item) => item.kind !== 'image').map((item) => item.node.width));
  const { master, width: W, height: H } = input;
  // Wider than the region by more than 2.5× would set the master's lines in pieces of a word or two.
  return Math.max(0.05, Math.min((region.width * 2.5) / widest, Math.max(W / master.width, H / master.height), Math.sqrt((W * H) / (master.width * master.height)) * 1.4));
}

function layoutColumn(all: Item[], region: Rect, ctx: MeasureCtx, out: Map<string, Placed>, align: 'left' | 'center', clear: number, hero: Item | undefined): void {
  const { input } = ctx;
  const short = Math.min(input.width, input.height);
  const gap = Math.max(4, Math.min(40, Math.round(0.045 * Math.min(region.width * 1.6, region.height, short))));
  const minImage = hero ? Math.max(40, region.height * (ctx.cls === 'skyscraper' ? 0.2 : 0.25)) : 0;
  let relaxed = false;
  const measure = (t: number) => {
    const items = live(all, ctx.hidden).filter((item) => item.kind !== 'image');
    const hf = headlineFloor(items, t, input.floor);
    setHeadlineSize(ctx, headlineSizeAt(items, region.width, t, ctx, hf, relaxed));
    const sized = items.map((item) => sizeItem(item, region.width, region.height * 0.3, t, ctx, hf, relaxed));
    const gaps = sized.map((entry, index) => (index === 0 ? 0 : gapBefore(entry, sized[index - 1]!, gap, clear)));
    const total = sized.reduce((sum, entry) => sum + entry.height, 0) + gaps.reduce((a, b) => a + b, 0) + (hero && !ctx.hidden.has(hero.id) ? minImage + gap : 0);
    return { sized, gaps, total };
  };
  const hi = topScale(all, region, input);
  const lo = 0.01;
  // Leave out what cannot fit even at the floor, in the stated order, until the column fits.
  for (let guard = 0; guard < 12; guard++) {
    const tight = measure(lo);
    if (dropOverflowing(tight.sized, ctx, `it does not fit the ${Math.round(region.width)} px column even at the ${input.floor} px minimum`)) continue;
    if (!relaxed && tight.sized.some((entry) => entry.over)) {
      relaxed = true;
      continue;
    }
    if (tight.total <= region.height + 0.5) break;
    const next = nextToDrop(all, ctx, hero);
    if (!next) {
      if (!relaxed) {
        relaxed = true;
        continue;
      }
      break;
    }
    ctx.drop(next.id, next.node, next.role, `the ${Math.round(region.width)}×${Math.round(region.height)} copy area has no room for it`);
  }
  const t = largest(lo, hi, (candidate) => {
    const m = measure(candidate);
    return m.total <= region.height + 0.5 && !m.sized.some((entry) => entry.over && !droppable(entry.item, ctx));
  });
  const { sized, gaps, total: measured } = measure(t);
  let total = measured;
  // A card holding all the copy fills the column, as it filled the master.
  const only = sized.filter((entry) => entry.item.role !== 'logo');
  if (only.length === 1 && only[0]!.item.kind === 'stack' && isPainted(only[0]!.item.node) && only[0]!.grow && region.height > total) {
    only[0]!.grow(region.height - total);
    total = region.height;
  }
  for (const entry of sized) if (entry.over && !droppable(entry.item, ctx)) ctx.overflow.push(`${label(entry.item.node)} does not fit the ${Math.round(region.width)} px column even at the ${input.floor} px minimum`);
  if (total > region.height + 0.5) ctx.overflow.push(`the copy needs ${Math.round(total)} px of height and the ${input.width}×${input.height} frame has ${Math.round(region.height)} px`);

  // Vertical placement: the logo at the top, legal at the bottom, the rest centred between; or the picture takes the slack.
  const showHero = hero !== undefined && !ctx.hidden.has(hero.id);
  const free = Math.max(0, region.height - total);
  const heroAt = showHero ? sized.findIndex((entry) => hasRole(entry.item, 'headline', input.roles)) : -1;
  const firstMiddle = sized.findIndex((entry) => entry.item.role !== 'logo');
  const firstLegal = sized.findIndex((_entry, index) => index > firstMiddle && sized.slice(index).every((rest) => rest.item.role === 'legal'));
  let y = region.y;
  sized.forEach((entry, index) => {
    y += gaps[index]!;
    if (!showHero && (index === firstMiddle || index === firstLegal)) y += free / 2;
    const x = align === 'center' ? region.x + (region.width - entry.width) / 2 : region.x;
    entry.place(x, y, out);
    y += entry.height;
    if (showHero && index === heroAt) {
      const height = minImage + free;
      // The picture spans the copy's column, as an inset picture did in the master.
      const box = { x: region.x, y: y + gap, width: region.width, height };
      out.set(hero.id, { rect: box, node: coverBox(hero.node, box) });
      y += gap + height;
    }
  });
}

/** The size the headline takes at this scale (it may shrink to keep its lines); Infinity without a headline. */
function headlineSizeAt(items: readonly Item[], width: number, t: number, ctx: MeasureCtx, hf: number, relaxed: boolean): number | undefined {
  for (const item of items) {
    if (item.kind === 'text' && item.role === 'headline') {
      return sizedFont(sizeText(item, width, t, { ...ctx, ceiling: Infinity }, hf, relaxed));
    }
    if (item.kind === 'stack') {
      const inner = width - (item.node.paddingLeft + item.node.paddingRight) * t;
      const found = headlineSizeAt(item.children, inner, t, ctx, hf, relaxed);
      if (found) return found;
    }
  }
  return undefined;
}

/** Other text, the labels of buttons and badges included, stays a step below the headline. */
function setHeadlineSize(ctx: MeasureCtx, size: number | undefined): void {
  ctx.ceiling = size === undefined ? Infinity : size / 1.15;
}

function sizedFont(sized: Sized): number {
  const out = new Map<string, Placed>();
  sized.place(0, 0, out);
  const node = out.get(sized.item.id)?.node;
  return node?.type === 'text' ? node.fontSize : Infinity;
}

/** The headline stays the largest text: at least 1.15× any other text at this scale, when it was in the master. */
function headlineFloor(items: readonly Item[], t: number, floor: number): number {
  const texts: Extract<Item, { kind: 'text' }>[] = [];
  const walk = (list: readonly Item[]) => list.forEach((item) => (item.kind === 'stack' ? walk(item.children) : item.kind === 'text' ? texts.push(item) : undefined));
  walk(items);
  const headline = texts.find((item) => item.role === 'headline');
  if (!headline) return 0;
  const others = texts.filter((item) => item !== headline && item.role !== 'cta');
  if (others.some((item) => item.node.fontSize >= headline.node.fontSize)) return 0;
  return Math.max(0, ...others.map((item) => Math.max(item.node.fontSize * t, floor) * 1.15));
}

function gapBefore(entry: Sized, previous: Sized, gap: number, clear: number): number {
  const logo = (s: Sized) => s.item.role === 'logo';
  if (logo(previous)) return Math.max(gap * 1.5, clear * Math.min(previous.width, previous.height));
  if (entry.item.role === 'cta' || entry.item.role === 'legal') return gap * 1.25;
  return gap;
}

/** The next item to leave out when the column is too tall at the floor. */
function nextToDrop(items: Item[], ctx: MeasureCtx, hero: Item | undefined): { id: string; node: SnapshotNode; role: LayoutRole } | undefined {
  const pool: Item[] = [];
  const walk = (list: Item[]) => list.forEach((item) => (item.kind === 'stack' ? walk(item.children) : pool.push(item)));
  walk(items);
  if (hero) pool.push(hero);
  for (const role of dropOrder) {
    if (ctx.input.kept.has(role)) continue;
    const found = pool.find((item) => item.role === role && !ctx.hidden.has(item.id));
    if (found) return found;
  }
  return undefined;
}

/** A strip: logo left, a column of copy in the middle, the call to action right; everything centred on the row. */
function layoutRow(all: Item[], region: Rect, ctx: MeasureCtx, out: Map<string, Placed>, clear: number): void {
  const { input } = ctx;
  const flat: Item[] = [];
  const walk = (list: Item[]) => list.forEach((item) => (item.kind === 'stack' ? walk(item.children) : flat.push(item)));
  walk(all);
  const logo = flat.find((item) => item.role === 'logo');
  const cta = flat.find((item) => item.role === 'cta');
  const headline = flat.find((item) => item.role === 'headline');
  for (const item of flat) if (item.kind === 'image') ctx.drop(item.id, item.node, item.role, 'a strip has room for one row only');
  for (const item of flat) if (item.role === 'badge') ctx.drop(item.id, item.node, item.role, 'a strip has room for one row only');
  for (const item of flat) if (item !== logo && item.kind === 'unit' && item.role === 'logo') ctx.drop(item.id, item.node, 'decoration', '');
  const middle = () => flat.filter((item) => item !== logo && item !== cta && item.kind !== 'image' && !ctx.hidden.has(item.id) && item.kind !== 'unit');
  const H = region.height;
  const headSize = headline?.kind === 'text' ? headline.node.fontSize : 24;
  const hi = Math.max(0.01, (H * 0.42) / headSize);
  // The logo takes about half the row, with its clear space inside the frame.
  const logoMax = Math.min(H, input.height / (1 + 2 * clear));
  // A short strip shows the square mark where the logo has one (RESIZE.md: the mark at 320×50).
  const logoSized = logo ? sizeUnit(logo, region.width * 0.26, logoMax, (logoMax / logo.node.height) * 0.75, ctx, region.width * 0.4, input.height < 60) : undefined;
  let relaxed = false;
  const measure = (t: number) => {
    const logoGap = logoSized ? Math.max(clear * Math.min(logoSized.width, logoSized.height), 8, region.width * 0.025) : 0;
    const texts = middle();
    const hf = headlineFloor(texts, t, input.floor);
    // The button and the headline share the row: size the button, then the headline in what is left; when the
    // button's label came out above the ceiling the headline sets, size it again below it (the headline only gains room).
    setHeadlineSize(ctx, undefined);
    let ctaSized: Sized | undefined;
    let ctaGap = 0;
    let width = region.width;
    for (let pass = 0; pass < 2; pass++) {
      ctaSized = cta ? sizeItem(cta, region.width * 0.36, H * 0.8, Math.min(t, (H * 0.55) / Math.max(1, cta.node.height)), ctx, 0, false) : undefined;
      ctaGap = ctaSized ? Math.max(8, region.width * 0.025) : 0;
      width = region.width - (logoSized?.width ?? 0) - logoGap - (ctaSized?.width ?? 0) - ctaGap;
      setHeadlineSize(ctx, headlineSizeAt(texts, Math.max(20, width), t, ctx, hf, relaxed));
      if (!ctaSized || loudestText(ctaSized) <= ctx.ceiling + 0.01) break;
    }
    const sized = texts.map((item) => sizeItem(item, Math.max(20, width), H, t, ctx, hf, relaxed));
    const gap = Math.max(2, H * 0.06);
    const total = sized.reduce((sum, entry) => sum + entry.height, 0) + gap * Math.max(0, sized.length - 1);
    return { ctaSized, logoGap, ctaGap, width, sized, gap, total };
  };
  for (let guard = 0; guard < 10; guard++) {
    const tight = measure(0.01);
    if (dropOverflowing(tight.sized, ctx, `a ${input.width}×${input.height} strip has one short line for it, even at the ${input.floor} px minimum`)) continue;
    if (!relaxed && tight.sized.some((entry) => entry.over)) {
      relaxed = true;
      continue;
    }
    if (tight.total <= H + 0.5) break;
    const next = nextToDrop(middle(), ctx, undefined);
    if (!next) {
      if (!relaxed) {
        relaxed = true;
        continue;
      }
      break;
    }
    ctx.drop(next.id, next.node, next.role, `a ${input.width}×${input.height} strip has no room for it`);
  }
  const t = largest(0.01, hi, (candidate) => {
    const m = measure(candidate);
    return m.total <= H + 0.5 && !m.sized.some((entry) => entry.over && !droppable(entry.item, ctx));
  });
  const m = measure(t);
  for (const entry of m.sized) if (entry.over && !droppable(entry.item, ctx)) ctx.overflow.push(`${label(entry.item.node)} does not fit one row of a ${input.width}×${input.height} strip`);
  if (m.total > H + 0.5) ctx.overflow.push(`the copy needs ${Math.round(m.total)} px of height and the ${input.width}×${input.height} strip has ${Math.round(H)} px`);
  if (m.ctaSized?.over) ctx.overflow.push(`the call to action does not fit a ${input.width}×${input.height} strip`);
  let x = region.x;
  const centreY = region.y + H / 2;
  if (logoSized) {
    logoSized.place(x, centreY - logoSized.height / 2, out);
    x += logoSized.width + m.logoGap;
  }
  let y = centreY - Math.min(m.total, H) / 2;
  for (const entry of m.sized) {
    entry.place(x, y, out);
    y += entry.height + m.gap;
  }
  if (m.ctaSized) m.ctaSized.place(region.x + region.width - m.ctaSized.width, centreY - m.ctaSized.height / 2, out);
}

function absRect(root: CreativeSnapshot, id: string): Rect | undefined {
  const find = (node: SnapshotNode, ox: number, oy: number): Rect | undefined => {
    const rect = { x: ox + node.x, y: oy + node.y, width: node.width, height: node.height };
    if (node.id === id) return rect;
    if (node.type === 'frame' || node.type === 'group') for (const child of node.children) {
      const found = find(child, rect.x, rect.y);
      if (found) return found;
    }
    return undefined;
  };
  for (const child of root.children) {
    const found = find(child, 0, 0);
    if (found) return found;
  }
  return undefined;
}

function overlapShare(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? (w * h) / Math.max(1, Math.min(a.width * a.height, b.width * b.height)) : 0;
}
const containsRect = (outer: Rect, inner: Rect) =>
  outer.x <= inner.x + 1 && outer.y <= inner.y + 1 && outer.x + outer.width >= inner.x + inner.width - 1 && outer.y + outer.height >= inner.y + inner.height - 1;
function unionRect(rects: readonly Rect[]): Rect {
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x, y, width: right - x, height: bottom - y };
}
function clampRect(rect: Rect, W: number, H: number): Rect {
  const x = Math.max(0, rect.x);
  const y = Math.max(0, rect.y);
  return { x, y, width: Math.min(W, rect.x + rect.width) - x, height: Math.min(H, rect.y + rect.height) - y };
}

// A background or panel that is a frame keeps its children where they were, relative to its new box.
function resizeContainer(node: SnapshotNode, box: { width: number; height: number }): SnapshotNode {
  return { ...node, width: box.width, height: box.height };
}

/**
 * Writes the plan back into the master's own tree, so every layer keeps its id, parent and paint
 * order: placed layers take their new box (relative to their parent), containers wrap what they
 * hold, and layers the plan left out are hidden.
 */
function rebuild(master: CreativeSnapshot, out: ReadonlyMap<string, Placed>, hidden: ReadonlySet<string>, W: number, H: number): CreativeSnapshot {
  // A layer left out keeps a scaled copy of its master geometry, so showing it again starts somewhere sensible.
  const fit = Math.min(W / master.width, H / master.height);
  const visit = (node: SnapshotNode, originX: number, originY: number): SnapshotNode => {
    if (!node.visible) return node;
    if (hidden.has(node.id)) return { ...scaleNode(node, fit, false), visible: false };
    const placed = out.get(node.id);
    if (placed) {
      const base = { ...placed.node, x: round(placed.rect.x - originX), y: round(placed.rect.y - originY) };
      if ((base.type === 'frame' || base.type === 'group') && node.type === base.type && (node.type === 'frame' || node.type === 'group')) {
        // A stack placed as a whole: its children were placed inside it.
        const placedChildren = (node.children as SnapshotNode[]).some((child) => out.has(child.id) || hidden.has(child.id));
        if (placedChildren) (base as FrameNode).children = node.children.map((child) => visit(child, placed.rect.x, placed.rect.y));
      }
      return base;
    }
    if (node.type === 'frame' || node.type === 'group') {
      const children = node.children.map((child) => visit(child, 0, 0));
      const shown = children.filter((child) => child.visible);
      if (!shown.length) return { ...node, visible: false, children };
      const box = unionRect(shown.map((child) => ({ x: child.x, y: child.y, width: child.width, height: child.height })));
      const pad = node.type === 'frame' ? inset(node) : 0;
      const frameBox = { x: box.x - pad, y: box.y - pad, width: box.width + 2 * pad, height: box.height + 2 * pad };
      const moved = children.map((child) => ({ ...child, x: round(child.x - frameBox.x), y: round(child.y - frameBox.y) }));
      return {
        ...node,
        ...(node.type === 'frame' ? { layoutMode: 'NONE' as const } : {}),
        x: round(frameBox.x - originX),
        y: round(frameBox.y - originY),
        width: round(frameBox.width),
        height: round(frameBox.height),
        children: moved,
      } as SnapshotNode;
    }
    return { ...node, visible: false };
  };
  const children = master.children.map((child) => visit(child, 0, 0));
  return { ...master, width: W, height: H, layoutMode: 'NONE', primaryAxisSizingMode: 'FIXED', counterAxisSizingMode: 'FIXED', children };
}

// The room a painted frame keeps around what it holds: its padding, or its children's nearest offset.
function inset(frame: FrameNode): number {
  if (!isPainted(frame)) return 0;
  if (frame.layoutMode !== 'NONE') return Math.min(frame.paddingTop, frame.paddingLeft, frame.paddingRight, frame.paddingBottom);
  const offsets = frame.children.filter((child) => child.visible).flatMap((child) => [child.x, child.y]);
  return Math.max(0, Math.min(16, ...offsets));
}
