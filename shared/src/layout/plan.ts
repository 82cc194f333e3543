import { label } from '../visual/finding';
import type { VisualKit } from '../visual/kit-schema';
import { crowdingLayers, logoClearance } from '../visual/logo';
import { safeArea } from '../visual/safe-zone';
import type { CreativeSnapshot, SnapshotNode, TextNode } from '../visual/snapshot';
import { minTextSizeFor } from '../visual/text-size';
import { findLogos, placeNodes, type Rect } from '../visual/tree';
import { arrange, type Arranged } from './arrange';
import { aspectClass } from './aspect';
import { auditLayout, logoMinimum, type AuditFinding } from './audit';
import { aspectRatioChange, planByConstraints, type ConstraintOptions } from './constraint-plan';
import type { LayoutFlag } from './flags';
import { inferRoles, keptRoles, type LayoutRole, type RoleOverrides } from './roles';

export interface ResizeOptions extends ConstraintOptions {
  /** The designer's role corrections: layer id → role. */
  roleOverrides?: RoleOverrides;
  /** Where foreground may go, in the version's pixels; a margin of 6% of the short side (at least 4 px) by default. */
  safeArea?: Rect;
  /** Smallest short side of the logo; min(20 px, 30% of the frame's short side) by default. */
  logoMinSize?: number;
  /** Legal text may be left out when it cannot fit; by default it is kept whatever it costs. */
  legalOptional?: boolean;
  /** A text floor to try first (the kit's general minimum, when its size class allows smaller); `minTextSize` is the hard one. */
  preferredMinTextSize?: number;
}

/** A text's real size as the host laid it out, for refinePlan. */
export interface MeasuredText {
  width: number;
  height: number;
}

export interface ResizePlan {
  snapshot: CreativeSnapshot;
  /** What needs a person: set only when no layout passed the audit, or a text overflows. */
  flags: LayoutFlag[];
  /** What the plan did, in plain words ("What changed" on the version). */
  actions: string[];
  /** identical: the master's own size; constraints/fit: the master's arrangement; arranged: laid out by roles. */
  mode: 'identical' | 'constraints' | 'fit' | 'arranged';
  /** The uniform scale applied in constraints or fit mode (1 otherwise). */
  scale: number;
  /** What the layout audit still finds; empty on every version that is not flagged. */
  audit: AuditFinding[];
  /** Layers the plan left out, with their role. */
  dropped: { role: LayoutRole; id: string; name: string }[];
  /** The role read for each layer (after the designer's overrides). */
  roles: Record<string, LayoutRole>;
  /** What the plan was made from, so refinePlan can redo it with measured text. */
  request: { master: CreativeSnapshot; target: { width: number; height: number }; options: ResizeOptions; corrections: Record<string, number> };
}

/** Default text floors without a kit (RESIZE.md): 10 px on display sizes; social sizes show at about 40% so need about 2.4×. */
export function defaultMinTextSize(width: number, height: number): number {
  return Math.min(width, height) > 600 ? 24 : 10;
}

/** The display margin without a kit: 6% of the short side, at least 4 px (RESIZE.md, rule 4). */
export function defaultSafeArea(width: number, height: number): Rect {
  const margin = Math.min(Math.max(4, 0.06 * Math.min(width, height)), (Math.min(width, height) - 1) / 2);
  return { x: margin, y: margin, width: width - 2 * margin, height: height - 2 * margin };
}

/**
 * Plans one version of a master at a new size. Pure: the master is not changed. The master's own
 * size comes back identical. A size close to the master's keeps the master's arrangement when that
 * passes the audit; otherwise the layers are read into roles and laid out for the size's aspect
 * class, leaving out badges and the eyebrow, then body copy and the picture, as space runs short.
 * Only when no layout passes is the version flagged, with the reason.
 */
export function planResize(master: CreativeSnapshot, target: { width: number; height: number }, options: ResizeOptions = {}, corrections: Record<string, number> = {}): ResizePlan {
  const { width: W, height: H } = target;
  if (!(W > 0 && H > 0 && master.width > 0 && master.height > 0))
    throw new RangeError('planResize needs positive sizes; parse user input with parseSize first');
  const pattern = options.logoPattern ?? '#logo';
  const roles = inferRoles(master, { ...(options.roleOverrides ? { overrides: options.roleOverrides } : {}), logoPattern: pattern });
  const roleRecord = Object.fromEntries(roles);
  const request = { master, target: { width: W, height: H }, options, corrections };
  const corrected = new Map(Object.entries(corrections));
  const auditOptions = { roles, corrections: corrected, ...(options.minTextSize === undefined ? {} : { minTextSize: options.minTextSize }), ...(options.logoMinSize === undefined ? {} : { logoMinSize: options.logoMinSize }) };
  const base = { roles: roleRecord, request, dropped: [] };

  if (W === master.width && H === master.height && !Object.keys(corrections).length)
    return { ...base, snapshot: master, flags: [], actions: [`Kept the master's layout: ${W}×${H} is the master's own size.`], mode: 'identical', scale: 1, audit: [] };

  // Close in shape: the master's own arrangement, when a designer would ship it.
  if (aspectRatioChange(master, target) <= 1.25) {
    const kept = planByConstraints(master, target, options);
    const audit = auditLayout(kept.snapshot, master, auditOptions);
    if (!kept.flags.length && !audit.length) return { ...base, ...kept, audit };
  }

  const kept = new Set<LayoutRole>(keptRoles);
  if (options.legalOptional) kept.delete('legal');
  const input = {
    master,
    roles,
    width: W,
    height: H,
    floor: options.minTextSize ?? defaultMinTextSize(W, H),
    logoMin: options.logoMinSize ?? logoMinimum(W, H),
    clearShare: options.logoClearSpace ?? 0.25,
    safe: options.safeArea ?? defaultSafeArea(W, H),
    kept,
    corrections: corrected,
  };
  let best: { arranged: Arranged; audit: AuditFinding[]; flags: LayoutFlag[]; floor: number } | undefined;
  // Larger text first when the kit prefers it, then the size's own minimum; within each, leave out more in turn.
  const floors = options.preferredMinTextSize !== undefined && options.preferredMinTextSize > input.floor ? [options.preferredMinTextSize, input.floor] : [input.floor];
  search: for (const floor of floors) {
    // Secondary roles go together, then body copy, then the picture: at most four tries per floor.
    const steps: LayoutRole[][] = [[], ['badge', 'decoration', 'eyebrow'], ['body'], ['hero', 'legal']];
    const drops = new Set<LayoutRole>();
    for (const step of steps) {
      for (const role of step) if (!kept.has(role)) drops.add(role);
      if (step.length && step.every((role) => kept.has(role))) continue;
      const arranged = arrange({ ...input, floor, drops });
      const audit = auditLayout(arranged.snapshot, master, auditOptions);
      const flags = crowding(arranged.snapshot, pattern, input.clearShare, `${W}×${H}`);
      const score = audit.length + flags.length + arranged.overflow.length;
      const bestScore = best ? best.audit.length + best.flags.length + best.arranged.overflow.length : Infinity;
      // On a tie the kit's own minimum wins: a flagged version should at least keep its text inside the frame.
      if (score < bestScore || (score === bestScore && floor === input.floor && best!.floor !== input.floor)) best = { arranged, audit, flags, floor };
      if (!score) break search;
    }
  }
  const { arranged, audit, flags } = best!;
  const actions = [`Laid out ${W}×${H} as a ${aspectWords(W, H)} (${arranged.arrangement}), from ${master.width}×${master.height}.`, ...sizeNotes(master, arranged.snapshot), ...arranged.notes];
  const problems = [...arranged.overflow, ...audit.map((finding) => finding.message.replace(/\.$/, ''))];
  if (problems.length)
    flags.push({
      kind: 'layout',
      nodeId: master.id,
      nodeName: master.name,
      message: `No layout at ${W}×${H} keeps everything clear: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}. The version was made anyway; shorten the copy or fix it by hand.`,
    });
  return { ...base, snapshot: arranged.snapshot, flags, actions, mode: 'arranged', scale: 1, audit, dropped: arranged.dropped };
}

/**
 * Redoes a plan with text sizes the host measured (Figma lays each text out at the planned width and
 * reports its real height): one more pass, no round trip per layer. Returns the plan unchanged when
 * every estimate was within 2%.
 */
export function refinePlan(plan: ResizePlan, measured: Readonly<Record<string, MeasuredText>>): ResizePlan {
  const corrections = { ...plan.request.corrections };
  let changed = false;
  const planned = new Map(placeNodes(plan.snapshot).filter((entry) => entry.node.type === 'text').map((entry) => [entry.node.id, entry.node as TextNode]));
  for (const [id, size] of Object.entries(measured)) {
    const text = planned.get(id);
    if (!text || !(text.height > 0) || !(size.height > 0)) continue;
    const ratio = size.height / text.height;
    if (Math.abs(ratio - 1) <= 0.02) continue;
    corrections[id] = (corrections[id] ?? 1) * ratio;
    changed = true;
  }
  if (!changed) return plan;
  const { master, target, options } = plan.request;
  return planResize(master, target, options, corrections);
}

function crowding(root: CreativeSnapshot, pattern: string, share: number, size: string): LayoutFlag[] {
  const placed = placeNodes(root);
  const flags: LayoutFlag[] = [];
  for (const logo of findLogos(placed, pattern))
    for (const other of crowdingLayers(placed, logo, logoClearance(logo.rect, share)))
      flags.push({ kind: 'logo-clear-space', nodeId: other.node.id, nodeName: other.node.name, message: `${label(other.node)} sits inside the clear space of the logo ${label(logo.node)} at ${size}; move it or shorten it.` });
  return flags;
}

function aspectWords(width: number, height: number): string {
  return { strip: 'strip', wide: 'wide banner', landscape: 'landscape', square: 'near-square', portrait: 'portrait', skyscraper: 'skyscraper' }[aspectClass(width, height)];
}

// "Headline 64 → 22 px": the sizes a designer checks first.
function sizeNotes(master: CreativeSnapshot, version: CreativeSnapshot): string[] {
  const before = new Map<string, SnapshotNode>(placeNodes(master).map((entry) => [entry.node.id, entry.node]));
  const notes: string[] = [];
  for (const { node } of placeNodes(version)) {
    if (node.type !== 'text') continue;
    const old = before.get(node.id) as TextNode | undefined;
    if (!old || Math.abs(old.fontSize - node.fontSize) < 0.5 || !/#(headline|body|legal|eyebrow)/i.test(node.name)) continue;
    notes.push(`Set ${label(node)} at ${Math.round(node.fontSize * 10) / 10} px (${Math.round(old.fontSize * 10) / 10} px in the master).`);
  }
  return notes;
}

/** The plan options a kit's visual rules give for one output size: text minimum, logo clear space and safe area. */
export function resizeOptionsFromKit(visual: VisualKit | undefined, width: number, height: number): ResizeOptions {
  if (!visual) return {};
  const minTextSize = minTextSizeFor(visual, width, height);
  const area = safeArea(visual, width, height);
  // An exact format's minimum is the kit's word for that size; a size class's smaller minimum is a fallback.
  const exact = visual.minTextSize?.formats.some((format) => format.width === width && format.height === height);
  const general = visual.minTextSize?.default;
  const preferred = !exact && minTextSize !== undefined && general !== undefined && general > minTextSize ? general : undefined;
  return {
    ...(minTextSize === undefined ? {} : { minTextSize }),
    ...(preferred === undefined ? {} : { preferredMinTextSize: preferred }),
    logoClearSpace: visual.logo.clearSpace,
    logoPattern: visual.logo.namePattern,
    ...(area ? { safeArea: withFloor(area, width, height) } : {}),
  };
}

// A kit's safe zone, but never closer than 4 px to the edge.
function withFloor(area: Rect, width: number, height: number): Rect {
  const most = (side: number) => Math.max(0, (side - 1) / 2);
  const left = Math.min(Math.max(4, area.x), most(width));
  const top = Math.min(Math.max(4, area.y), most(height));
  const right = Math.min(Math.max(4, width - area.x - area.width), most(width));
  const bottom = Math.min(Math.max(4, height - area.y - area.height), most(height));
  return { x: left, y: top, width: width - left - right, height: height - top - bottom };
}
