import type { CreativeSnapshot, SnapshotNode, TextNode } from '../visual/snapshot';
import type { Rect } from '../visual/tree';
import { inferRoles, type LayoutRole } from './roles';
import { measureText } from './text-measure';

// The layout audit: what a designer would send back, checked on every version the same way in the
// CLI, the plugin and the bench. A unit is what a designer moves as one piece: a text, the logo,
// the call to action, or a filled panel that is not a backdrop (under half the frame).

export type AuditKind = 'overlap' | 'outside-frame' | 'small-text' | 'tiny-logo' | 'missing' | 'text-overflow' | 'reading-order' | 'hierarchy';

export interface AuditFinding {
  kind: AuditKind;
  /** The layers concerned: one, or two for an overlap, a swapped reading order or a broken hierarchy. */
  nodeIds: string[];
  nodeName: string;
  message: string;
}

export interface AuditOptions {
  /** The kit's smallest text at this size, in pixels. */
  minTextSize?: number;
  /** Smallest short side of the logo; min(20 px, 30% of the frame's short side) by default. */
  logoMinSize?: number;
  /** The master's roles (inferred when absent). */
  roles?: ReadonlyMap<string, LayoutRole>;
  logoPattern?: string;
  /** Measured ÷ estimated text heights by layer id, from the host's own text layout. */
  corrections?: ReadonlyMap<string, number>;
}

interface Unit {
  id: string;
  node: SnapshotNode;
  rect: Rect;
  kind: 'text' | 'logo' | 'cta' | 'panel';
}

/** The smallest short side a logo may have in a frame of this size (the kit may say otherwise). */
export function logoMinimum(width: number, height: number): number {
  return Math.min(20, 0.3 * Math.min(width, height));
}

const solidFilled = (node: SnapshotNode) => node.fills.some((paint) => paint.type === 'SOLID' && paint.visible && paint.opacity > 0.5);

interface PlacedText {
  node: TextNode;
  rect: Rect;
  inLogo: boolean;
  /** The text is the headline, or part of a layer that is. */
  inHeadline: boolean;
}

function unitsOf(root: CreativeSnapshot, roles: ReadonlyMap<string, LayoutRole>): { units: Unit[]; texts: PlacedText[] } {
  const units: Unit[] = [];
  const texts: PlacedText[] = [];
  const frameArea = root.width * root.height;
  const walk = (node: SnapshotNode, ox: number, oy: number, inUnit: boolean, inLogo: boolean, inHeadline: boolean) => {
    if (!node.visible) return;
    const rect = { x: ox + node.x, y: oy + node.y, width: node.width, height: node.height };
    const role = roles.get(node.id);
    let unit: Unit['kind'] | undefined;
    if (!inUnit) {
      if (role === 'logo') unit = 'logo';
      else if (role === 'cta') unit = 'cta';
      else if (node.type === 'text') unit = node.characters.trim() ? 'text' : undefined;
      else if ((node.type === 'frame' || node.type === 'group') && solidFilled(node) && node.width * node.height < 0.5 * frameArea) unit = 'panel';
    }
    if (unit) units.push({ id: node.id, node, rect, kind: unit });
    const logo = inLogo || unit === 'logo';
    const headline = inHeadline || role === 'headline';
    if (node.type === 'text' && node.characters.trim()) texts.push({ node, rect, inLogo: logo, inHeadline: headline });
    if (node.type === 'frame' || node.type === 'group') for (const child of node.children) walk(child, rect.x, rect.y, inUnit || unit !== undefined, logo, headline);
  };
  for (const child of root.children) walk(child, 0, 0, false, false, false);
  return { units, texts };
}

const overlaps = (a: Rect, b: Rect) =>
  Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 2 && Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 2;

/** How much taller than its box the estimate sets a text (1 = it fits). */
function overrun(node: TextNode, correction = 1): number {
  if (node.textAutoResize === 'WIDTH_AND_HEIGHT' || node.height <= 0) return 1;
  const m = measureText(node.characters, { fontSize: node.fontSize, fontStyle: node.fontStyle, letterSpacing: node.letterSpacing, lineHeight: node.lineHeight }, node.width + 0.5);
  return (m.height * correction) / node.height;
}

/**
 * True when a reader takes `a` before `b`: `a` sits wholly above `b` (and `b` is not wholly to its
 * left, where a row's first item beside a column reads first), or the two share a row (they overlap
 * by at least half the shorter one's height) and `a` sits wholly to the left. Units that overlap, or
 * stand diagonally with the lower one to the left, have no order of their own.
 */
export function readsBefore(a: Rect, b: Rect, slack = 2): boolean {
  const leftOf = (p: Rect, q: Rect) => p.x + p.width <= q.x + slack;
  if (a.y + a.height <= b.y + slack) return !leftOf(b, a);
  const shared = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return shared >= 0.5 * Math.min(a.height, b.height) && leftOf(a, b);
}

/** The largest size a text is set at, styled runs included. */
const largestSize = (node: TextNode) => Math.max(node.fontSize, ...(node.segments ?? []).map((run) => run.fontSize ?? 0));

const where = (rect: Rect) => `${Math.round(rect.x)}, ${Math.round(rect.y)}, ${Math.round(rect.width)}×${Math.round(rect.height)}`;
const named = (node: SnapshotNode) => (node.name ? `"${node.name}"` : `layer ${node.id}`);

/** Audits one version against its master. An empty list means a designer would ship the layout. */
export function auditLayout(version: CreativeSnapshot, master: CreativeSnapshot, options: AuditOptions = {}): AuditFinding[] {
  const roles = options.roles ?? inferRoles(master, { ...(options.logoPattern ? { logoPattern: options.logoPattern } : {}) });
  const findings: AuditFinding[] = [];
  const W = version.width;
  const H = version.height;
  const size = `${W}×${H}`;
  const mine = unitsOf(version, roles);
  const theirs = unitsOf(master, roles);
  const masterUnits = new Map(theirs.units.map((unit) => [unit.id, unit]));
  const masterTexts = new Map(theirs.texts.map((entry) => [entry.node.id, entry.node]));

  for (const unit of mine.units) {
    const r = unit.rect;
    if (r.x < -1 || r.y < -1 || r.x + r.width > W + 1 || r.y + r.height > H + 1)
      findings.push({ kind: 'outside-frame', nodeIds: [unit.id], nodeName: unit.node.name, message: `${named(unit.node)} runs outside the ${size} frame (${where(r)}).` });
    if (unit.kind === 'logo') {
      const least = options.logoMinSize ?? logoMinimum(W, H);
      const short = Math.min(r.width, r.height);
      if (short < least - 0.01)
        findings.push({ kind: 'tiny-logo', nodeIds: [unit.id], nodeName: unit.node.name, message: `The logo ${named(unit.node)} is ${Math.round(short * 10) / 10} px on its short side at ${size}; it needs at least ${Math.round(least * 10) / 10} px to be legible.` });
    }
  }
  for (let i = 0; i < mine.units.length; i++)
    for (let j = i + 1; j < mine.units.length; j++) {
      const a = mine.units[i]!;
      const b = mine.units[j]!;
      if (!overlaps(a.rect, b.rect)) continue;
      const ma = masterUnits.get(a.id);
      const mb = masterUnits.get(b.id);
      if (ma && mb && overlaps(ma.rect, mb.rect)) continue;
      findings.push({ kind: 'overlap', nodeIds: [a.id, b.id], nodeName: a.node.name, message: `${named(a.node)} and ${named(b.node)} overlap at ${size}; the master keeps them apart.` });
    }

  const minimum = options.minTextSize;
  for (const { node, rect, inLogo } of mine.texts) {
    if (inLogo) continue;
    const smallest = Math.min(node.fontSize, ...(node.segments ?? []).map((run) => run.fontSize ?? Infinity));
    if (minimum !== undefined && smallest < minimum - 0.01)
      findings.push({ kind: 'small-text', nodeIds: [node.id], nodeName: node.name, message: `${named(node)} is ${Math.round(smallest * 10) / 10} px at ${size}; the kit's minimum there is ${minimum} px.` });
    // The estimate is calibrated on the master: a text the designer fitted by eye may run over the estimate by as much here.
    const before = masterTexts.get(node.id);
    const allowed = Math.max(1.05, before ? overrun(before) * 1.02 : 1.05);
    const over = overrun(node, options.corrections?.get(node.id));
    if (over > allowed && over * node.height - node.height > 1)
      findings.push({ kind: 'text-overflow', nodeIds: [node.id], nodeName: node.name, message: `${named(node)} needs more room than its ${Math.round(rect.width)}×${Math.round(rect.height)} box at ${size}; the copy would be cut off or spill.` });
  }

  // Reading order: two units the master reads one after the other keep that order in the version's own flow.
  for (let i = 0; i < mine.units.length; i++)
    for (let j = i + 1; j < mine.units.length; j++) {
      const a = mine.units[i]!;
      const b = mine.units[j]!;
      const ma = masterUnits.get(a.id);
      const mb = masterUnits.get(b.id);
      if (!ma || !mb) continue;
      const [first, second] = readsBefore(ma.rect, mb.rect) ? [a, b] : readsBefore(mb.rect, ma.rect) ? [b, a] : [];
      if (!first || !second || !readsBefore(second.rect, first.rect)) continue;
      findings.push({
        kind: 'reading-order',
        nodeIds: [first.id, second.id],
        nodeName: first.node.name,
        message: `${named(second.node)} comes before ${named(first.node)} at ${size}; the master reads ${named(first.node)} first.`,
      });
    }

  // Hierarchy: the headline stays the largest text (the logo's wordmark aside) wherever it was in the master.
  const headlineSize = (texts: readonly PlacedText[]) => Math.max(0, ...texts.filter((entry) => entry.inHeadline).map((entry) => largestSize(entry.node)));
  const headNow = headlineSize(mine.texts);
  const headBefore = headlineSize(theirs.texts);
  const masterEntries = new Map(theirs.texts.map((entry) => [entry.node.id, entry]));
  if (headNow > 0 && headBefore > 0)
    for (const { node, inLogo, inHeadline } of mine.texts) {
      const before = masterEntries.get(node.id);
      if (inLogo || inHeadline || !before || largestSize(before.node) > headBefore + 0.01) continue;
      if (largestSize(node) <= headNow + 0.01) continue;
      findings.push({
        kind: 'hierarchy',
        nodeIds: [node.id],
        nodeName: node.name,
        message: `${named(node)} is ${Math.round(largestSize(node) * 10) / 10} px at ${size}, larger than the ${Math.round(headNow * 10) / 10} px headline; the headline should stay the largest text.`,
      });
    }

  const shown = visibleIds(version);
  const wasShown = visibleIds(master);
  for (const [id, role] of roles) {
    if (role !== 'headline' && role !== 'cta') continue;
    if (!wasShown.has(id)) continue;
    if (!shown.has(id)) {
      const node = findNode(master, id)!;
      findings.push({ kind: 'missing', nodeIds: [id], nodeName: node.name, message: `The ${role === 'cta' ? 'call to action' : 'headline'} ${named(node)} is missing at ${size}.` });
    }
  }
  return findings;
}

function visibleIds(root: SnapshotNode, into = new Set<string>()): Set<string> {
  if (!root.visible) return into;
  into.add(root.id);
  if (root.type === 'frame' || root.type === 'group') for (const child of root.children) visibleIds(child, into);
  return into;
}

function findNode(root: SnapshotNode, id: string): SnapshotNode | undefined {
  if (root.id === id) return root;
  if (root.type === 'frame' || root.type === 'group')
    for (const child of root.children) {
      const found = findNode(child, id);
      if (found) return found;
    }
  return undefined;
}
