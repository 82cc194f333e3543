import type { RuleContext } from './context';
import { label, nodeRef, show, type CreativeFinding } from './finding';
import { contains, findLogos, inflate, intersects, isBackdropOf, isPainted, type PlacedNode, type Rect } from './tree';

/** The clear space a logo needs, in design pixels: the kit's share of its shorter side. */
export function logoClearance(rect: Rect, share: number): number {
  return share * Math.min(rect.width, rect.height);
}

/**
 * Layers that crowd a logo's clear space: neighbours inside the zone. Scenery behind the logo, the
 * logo's own parts and groups do not count, nor do unpainted frames (a layout box is judged by its children).
 */
export function crowdingLayers(placed: readonly PlacedNode[], logo: PlacedNode, clearance: number): PlacedNode[] {
  const zone = inflate(logo.rect, clearance);
  return placed.filter(
    (other) =>
      other.order > 0 &&
      other !== logo &&
      other.node.type !== 'group' &&
      !other.ancestors.includes(logo.node.id) &&
      !logo.ancestors.includes(other.node.id) &&
      !isBackdropOf(other, logo) &&
      !(other.node.type === 'frame' && !isPainted(other.node)) &&
      other.rect.width > 0 &&
      other.rect.height > 0 &&
      intersects(other.rect, zone),
  );
}


/** The logo is fully inside the frame, with its clear space kept from the frame's edges and from other layers. */
export function checkLogo(ctx: RuleContext): CreativeFinding[] {
  const findings: CreativeFinding[] = [];
  const frame: Rect = { x: 0, y: 0, width: ctx.root.width, height: ctx.root.height };
  for (const logo of findLogos(ctx.placed, ctx.kit.logo.namePattern)) {
    const clearance = logoClearance(logo.rect, ctx.kit.logo.clearSpace);
    const base = { node: nodeRef(logo.node), match: logo.node.name };
    if (!contains(frame, logo.rect)) {
      findings.push({
        rule: 'visual.logo-inside',
        severity: 'error',
        message: `The logo ${label(logo.node)} is cut off by the frame's edge; it must sit fully inside.`,
        ...base,
        suggestions: [],
      });
      continue;
    }
    const edge = Math.min(
      logo.rect.x,
      logo.rect.y,
      frame.width - logo.rect.x - logo.rect.width,
      frame.height - logo.rect.y - logo.rect.height,
    );
    if (edge < clearance - 1e-6)
      findings.push({
        rule: 'visual.logo-clear-space',
        severity: 'warning',
        message: `The logo ${label(logo.node)} is ${show(edge)} px from the frame's edge; the kit asks for ${show(clearance)} px of clear space.`,
        ...base,
        suggestions: [],
      });
    for (const other of crowdingLayers(ctx.placed, logo, clearance))
      findings.push({
        rule: 'visual.logo-clear-space',
        severity: 'warning',
        message: `${label(other.node)} is inside the logo's clear space (${show(clearance)} px around ${label(logo.node)}).`,
        node: nodeRef(other.node),
        match: other.node.name,
        suggestions: [],
      });
  }
  return findings;
}
