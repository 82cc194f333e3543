import type { CreativeSnapshot, SnapshotNode, TextNode } from '../visual/snapshot';
import type { Rect } from '../visual/tree';
import { inferRoles, type LayoutRole } from './roles';
import { measureText } from './text-measure';

// The layout audit: what a designer would send back, checked on every version the same way in the
// CLI, the plugin and the bench. A unit is what a designer moves as one piece: a text, the logo,
// the call to action, or a filled panel that is not a backdrop (under half the frame).

export type AuditKind = 'overlap' | 'outside-frame' | 'small-text' | 'tiny-logo' | 'missing' | 'text-overflow';

export interface AuditFinding {
  kind: AuditKind;
  /** The layers concerned: one, or two for an overlap. */
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

function unitsOf(root: CreativeSnapshot, roles: ReadonlyMap<string, LayoutRole>): { units: Unit[]; texts: { node: TextNode; rect: Rect; inLogo: boolean }[] } {
  const units: Unit[] = [];
  const texts: { node: TextNode; rect: Rect; inLogo: boolean }[] = [];
  const frameArea = root.width * root.height;
  const walk = (node: SnapshotNode, ox: number, oy: number, inUnit: boolean, inLogo: boolean) => {
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
    if (node.type === 'text' && node.characters.trim()) texts.push({ node, rect, inLogo: logo });
    if (node.type === 'frame' || node.type === 'group') for (const child of node.children) walk(child, rect.x, rect.y, inUnit || unit !== undefined, logo);
  };
  for (const child of root.children) walk(child, 0, 0, false, false);
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
