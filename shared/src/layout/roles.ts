import type { Issue, Parsed } from '../issues';
import type { ContainerNode, CreativeSnapshot, SnapshotNode, TextNode } from '../visual/snapshot';
import { contains, isPainted, type Rect } from '../visual/tree';

/**
 * What a layer does in a creative. Units (logo, cta, badge) move and scale as one piece; texts are
 * refitted; background, hero, overlay and backdrop are scenery placed around the units; a `group`
 * is a container whose children have roles of their own.
 */
export const layoutRoles = [
  'background', 'backdrop', 'hero', 'overlay', 'logo', 'headline', 'body', 'eyebrow', 'cta', 'legal', 'badge', 'decoration', 'group',
] as const;
export type LayoutRole = (typeof layoutRoles)[number];

/** A designer's corrections: layer id → role. They win over every inference. */
export type RoleOverrides = Readonly<Record<string, LayoutRole>>;

/** The roles a plan never drops. */
export const keptRoles: ReadonlySet<LayoutRole> = new Set(['headline', 'cta', 'logo', 'legal']);

/** Roles that are one piece: their children are parts, never laid out on their own. */
export const unitRoles: ReadonlySet<LayoutRole> = new Set(['logo', 'cta', 'badge']);

/** Text roles the plan sets and refits. */
export const textRoles: ReadonlySet<LayoutRole> = new Set(['headline', 'body', 'eyebrow', 'legal']);

export interface RoleOptions {
  overrides?: RoleOverrides;
  /** How the logo layer is named (the kit's logo.namePattern); `#logo` by default. */
  logoPattern?: string;
}

// `#name` tags and the plain words designers use in layer names.
const tagRoles: Record<string, LayoutRole> = {
  logo: 'logo', headline: 'headline', title: 'headline', heading: 'headline', body: 'body', subhead: 'body', description: 'body',
  copy: 'body', eyebrow: 'eyebrow', kicker: 'eyebrow', cta: 'cta', button: 'cta', legal: 'legal', disclaimer: 'legal',
  disclosure: 'legal', terms: 'legal', badge: 'badge', sticker: 'badge', hero: 'hero', photo: 'hero', image: 'hero',
  background: 'background', bg: 'background', scrim: 'overlay', overlay: 'overlay', panel: 'backdrop', card: 'backdrop',
  decoration: 'decoration', divider: 'decoration',
};
const wordRoles: [RegExp, LayoutRole][] = [
  [/\blogo|wordmark\b/i, 'logo'],
  [/\b(cta|button|btn)\b/i, 'cta'],
  [/\b(badge|sticker|rating|seal)\b/i, 'badge'],
  [/\b(legal|disclaimer|terms|small ?print|footnote)\b/i, 'legal'],
  [/\b(eyebrow|kicker|overline)\b/i, 'eyebrow'],
  [/\b(headline|heading|title)\b/i, 'headline'],
  [/\b(scrim|overlay|gradient)\b/i, 'overlay'],
  [/\b(background|bg|backdrop)\b/i, 'background'],
];
// Words a call to action starts with.
const ctaVerbs = /^(start|get|shop|book|try|learn|sign|buy|order|join|see|download|discover|explore|request|claim|save|find|watch|register|subscribe|contact|apply|read|play|install|reserve|view|go)\b/i;
const legalWords = /(terms|conditions|\*|©|®|™|apply|required|valid|restrictions|subject to|see site|no credit card|trial)/i;

/** The role named by a layer's `#tag` or its plain words, if any. */
export function roleFromName(name: string, logoPattern = '#logo'): LayoutRole | undefined {
  if (name.toLowerCase().includes(logoPattern.toLowerCase())) return 'logo';
  for (const [, tag] of name.matchAll(/#([a-z][\w-]*)/gi)) {
    const role = tagRoles[tag!.toLowerCase().split('-')[0]!];
    if (role) return role;
  }
  for (const [pattern, role] of wordRoles) if (pattern.test(name)) return role;
  return undefined;
}

interface Seen {
  node: SnapshotNode;
  rect: Rect;
  depth: number;
  order: number;
}

const area = (rect: Rect) => rect.width * rect.height;
const overlapShare = (a: Rect, b: Rect) => {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? (w * h) / Math.max(1, Math.max(area(a), area(b))) : 0;
};
const textsIn = (node: SnapshotNode): TextNode[] =>
  node.type === 'text' ? [node] : node.type === 'frame' || node.type === 'group' ? node.children.flatMap(textsIn) : [];

/** Looks like a button: a painted plate (itself or a child) around one short line of text. */
function buttonLike(node: SnapshotNode, frame: Rect): boolean {
  if (node.type !== 'frame' && node.type !== 'group') return false;
  const texts = textsIn(node).filter((text) => text.visible && text.characters.trim());
  if (texts.length !== 1) return false;
  const text = texts[0]!;
  if (text.characters.length > 32 || text.characters.includes('\n')) return false;
  const plate = isPainted(node) || node.children.some((child) => child.type === 'shape' && isPainted(child) && child.width >= node.width * 0.8 && child.height >= node.height * 0.8);
  return plate && node.width * node.height < 0.2 * frame.width * frame.height;
}

/** Looks like a lockup: a small square mark beside a short name, on no plate of its own. */
function logoLike(node: SnapshotNode, frame: Rect): boolean {
  if ((node.type !== 'frame' && node.type !== 'group') || isPainted(node)) return false;
  const shown = node.children.filter((child) => child.visible);
  const texts = shown.filter((child): child is TextNode => child.type === 'text');
  const marks = shown.filter((child) => child.type !== 'text' && child.width > 0 && child.height / child.width > 0.7 && child.height / child.width < 1.4 && child.width <= node.width * 0.5);
  if (texts.length !== 1 || !marks.length || shown.length > 4) return false;
  const name = texts[0]!.characters.trim();
  return name.length <= 24 && name.split(/\s+/).length <= 3 && node.width * node.height < 0.06 * frame.width * frame.height;
}

/**
 * Reads the master into roles: `#name` tags and the designer's overrides first, then plain words in
 * names, then type, size, position and z-order. Hidden layers get no role. Layers inside a unit
 * (the logo's parts, the button's label) get none either: they move with the unit.
 */
export function inferRoles(root: CreativeSnapshot, options: RoleOptions = {}): Map<string, LayoutRole> {
  const overrides = options.overrides ?? {};
  const pattern = options.logoPattern ?? '#logo';
  const frame: Rect = { x: 0, y: 0, width: root.width, height: root.height };
  const frameArea = Math.max(1, area(frame));
  const roles = new Map<string, LayoutRole>();
  const seen: Seen[] = [];
  const looseTexts: Seen[] = [];
  const buttons: Seen[] = [];
  const namesLogo = (node: SnapshotNode): boolean =>
    (overrides[node.id] ?? roleFromName(node.name, pattern)) === 'logo' || ((node.type === 'frame' || node.type === 'group') && node.children.some(namesLogo));
  let taggedLogo = root.children.some(namesLogo);
  // A text role named on a layer that wraps one text (a headline component instance, say) belongs to that text.
  const passedDown = new Map<string, LayoutRole>();

  const visit = (node: SnapshotNode, ox: number, oy: number, depth: number) => {
    if (!node.visible) return;
    const rect = { x: ox + node.x, y: oy + node.y, width: node.width, height: node.height };
    const entry = { node, rect, depth, order: seen.length };
    seen.push(entry);
    let named = overrides[node.id] ?? roleFromName(node.name, pattern) ?? passedDown.get(node.id);
    const container = node.type === 'frame' || node.type === 'group';
    const inner = container ? textsIn(node).filter((text) => text.visible && text.characters.trim()) : [];
    if (named && textRoles.has(named) && container && inner.length === 1 && !isPainted(node) && !overrides[node.id]) {
      passedDown.set(inner[0]!.id, named);
      named = 'group';
    }
    if (named && (named !== 'group' || container)) {
      // A word like "photo" on a frame full of copy names the frame, not a role: keep looking inside.
      const onlyName = !overrides[node.id] && !node.name.includes('#') && container && textsIn(node).length > 0 && !unitRoles.has(named);
      if (!onlyName) {
        roles.set(node.id, named);
        if (named === 'group' || (container && !unitRoles.has(named) && textsIn(node).length > 0 && named !== 'backdrop'))
          for (const child of (node as ContainerNode).children) visit(child, rect.x, rect.y, depth + 1);
        return;
      }
    }
    if (container) {
      if (!taggedLogo && logoLike(node, frame)) {
        roles.set(node.id, 'logo');
        taggedLogo = true;
        return;
      }
      if (buttonLike(node, frame)) {
        buttons.push(entry);
        return;
      }
      if (textsIn(node).some((text) => text.visible && text.characters.trim())) {
        roles.set(node.id, isPainted(node) && !node.children.length ? 'backdrop' : 'group');
        for (const child of node.children) visit(child, rect.x, rect.y, depth + 1);
        return;
      }
      // Pictures and shapes only: a framed picture is a hero, anything else decoration.
      const hasImage = (n: SnapshotNode): boolean =>
        n.type === 'image' || n.fills.some((paint) => paint.type === 'IMAGE' && paint.visible) || ((n.type === 'frame' || n.type === 'group') && n.children.some(hasImage));
      roles.set(node.id, area(rect) >= 0.9 * frameArea ? 'background' : hasImage(node) && area(rect) >= 0.04 * frameArea ? 'hero' : 'decoration');
      return;
    }
    if (node.type === 'text') {
      if (node.characters.trim()) looseTexts.push(entry);
      return;
    }
    const image = node.type === 'image' || node.fills.some((paint) => paint.type === 'IMAGE' && paint.visible);
    if (area(rect) >= 0.9 * frameArea) roles.set(node.id, 'background');
    else if (image) roles.set(node.id, area(rect) >= 0.04 * frameArea ? 'hero' : 'decoration');
  };
  for (const child of root.children) visit(child, 0, 0, 0);

  // Buttons: the one whose label reads as a call to action, else the lowest; the rest are badges.
  if (!hasRole(roles, 'cta') && buttons.length) {
    const label = (entry: Seen) => textsIn(entry.node)[0]!.characters.trim();
    const cta = buttons.find((entry) => ctaVerbs.test(label(entry))) ?? [...buttons].sort((a, b) => b.rect.y - a.rect.y)[0]!;
    roles.set(cta.node.id, 'cta');
  }
  for (const entry of buttons) if (!roles.has(entry.node.id)) roles.set(entry.node.id, 'badge');

  // Loose texts: the largest is the headline; small print low down or in legal words is legal;
  // a short line above the headline is the eyebrow; a lone short verb phrase may be a link CTA; the rest is body.
  const untagged = looseTexts.filter((entry) => !roles.has(entry.node.id));
  const sizeOf = (entry: Seen) => (entry.node as TextNode).fontSize;
  let headline = seen.find((entry) => roles.get(entry.node.id) === 'headline' && entry.node.type === 'text');
  if (!headline && untagged.length) {
    headline = [...untagged].sort((a, b) => sizeOf(b) - sizeOf(a) || a.rect.y - b.rect.y)[0]!;
    roles.set(headline.node.id, 'headline');
  }
  const headSize = headline ? sizeOf(headline) : Infinity;
  const sizes = untagged.map(sizeOf);
  const smallest = Math.min(...sizes);
  for (const entry of untagged) {
    if (roles.has(entry.node.id)) continue;
    const text = entry.node as TextNode;
    const low = entry.rect.y >= frame.height * 0.7;
    if (text.fontSize <= smallest && text.fontSize <= headSize * 0.5 && (low || legalWords.test(text.characters)) && untagged.length > 1)
      roles.set(text.id, 'legal');
    else if (headline && entry.rect.y + entry.rect.height <= headline.rect.y + 2 && text.characters.length <= 40 && text.fontSize < headSize)
      roles.set(text.id, 'eyebrow');
    else if (!hasRole(roles, 'cta') && ctaVerbs.test(text.characters.trim()) && text.characters.length <= 28) roles.set(text.id, 'cta');
    else roles.set(text.id, 'body');
  }

  // One headline: a `#tag` or override wins over a plain word, then the largest; the others read as body copy.
  const headlines = seen.filter((entry) => roles.get(entry.node.id) === 'headline' && entry.node.type === 'text');
  if (headlines.length > 1) {
    const rank = (entry: Seen) => (overrides[entry.node.id] ? 2 : entry.node.name.includes('#') ? 1 : 0);
    const keep = [...headlines].sort((a, b) => rank(b) - rank(a) || (b.node as TextNode).fontSize - (a.node as TextNode).fontSize)[0]!;
    for (const entry of headlines) if (entry !== keep && !overrides[entry.node.id]) roles.set(entry.node.id, 'body');
  }

  // A painted card that holds neither headline, call to action nor logo is secondary, like a badge: it goes first.
  const holdsKey = (node: SnapshotNode): boolean => {
    const role = roles.get(node.id);
    if (role === 'headline' || role === 'cta' || role === 'logo') return true;
    return (node.type === 'frame' || node.type === 'group') && node.children.some(holdsKey);
  };
  for (const entry of seen)
    if (roles.get(entry.node.id) === 'group' && !overrides[entry.node.id] && isPainted(entry.node) && !holdsKey(entry.node)) roles.set(entry.node.id, 'badge');

  // Shapes without a name: a copy of the hero's box is its overlay; a painted box under copy is its backdrop.
  const heroRects = seen.filter((entry) => roles.get(entry.node.id) === 'hero').map((entry) => entry.rect);
  const foreground = seen.filter((entry) => {
    const role = roles.get(entry.node.id);
    return role !== undefined && (textRoles.has(role) || unitRoles.has(role));
  });
  for (const entry of seen) {
    if (roles.has(entry.node.id) || entry.node.type !== 'shape') continue;
    if (heroRects.some((hero) => overlapShare(hero, entry.rect) > 0.8)) roles.set(entry.node.id, 'overlay');
    else if (isPainted(entry.node) && foreground.some((fg) => fg.order > entry.order && contains(entry.rect, fg.rect))) roles.set(entry.node.id, 'backdrop');
    else roles.set(entry.node.id, 'decoration');
  }
  return roles;
}

function hasRole(roles: Map<string, LayoutRole>, role: LayoutRole): boolean {
  for (const value of roles.values()) if (value === role) return true;
  return false;
}

/** Validates a role override map (`{ "1:7": "headline" }`), naming each bad entry by its layer id. */
export function parseRoleOverrides(data: unknown): Parsed<RoleOverrides> {
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return { ok: false, issues: [{ path: '(root)', message: 'expected an object of layer id → role, like { "1:7": "headline" }' }] };
  const issues: Issue[] = [];
  const known = new Set<string>(layoutRoles);
  for (const [id, role] of Object.entries(data as Record<string, unknown>))
    if (typeof role !== 'string' || !known.has(role))
      issues.push({ path: id, message: `"${String(role)}" is not a role; use one of ${layoutRoles.join(', ')}` });
  return issues.length ? { ok: false, issues } : { ok: true, value: data as RoleOverrides };
}
