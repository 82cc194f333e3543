import { textLayers, type RuleContext } from './context';
import { label, nodeRef, type CreativeFinding } from './finding';
import type { VisualKit } from './kit-schema';

/** True when the kit allows this family and style (names compared without regard to case). */
export function isFontAllowed(fonts: VisualKit['fonts'], family: string, style: string): boolean {
  const entry = fonts.find((font) => same(font.family, family));
  return !!entry && (!entry.styles || entry.styles.some((allowed) => same(allowed, style)));
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Every text run uses an allowed font family and style. */
export function checkFonts(ctx: RuleContext): CreativeFinding[] {
  const { fonts } = ctx.kit;
  if (!fonts.length) return [];
  const findings: CreativeFinding[] = [];
  for (const { node } of textLayers(ctx)) {
    const runs = [{ family: node.fontFamily, style: node.fontStyle }];
    for (const segment of node.segments ?? [])
      runs.push({ family: segment.fontFamily ?? node.fontFamily, style: segment.fontStyle ?? node.fontStyle });
    const reported = new Set<string>();
    for (const { family, style } of runs) {
      const font = `${family} ${style}`;
      if (reported.has(font) || isFontAllowed(fonts, family, style)) continue;
      reported.add(font);
      const entry = fonts.find((allowed) => same(allowed.family, family));
      const suggestions = entry
        ? (entry.styles ?? []).map((allowedStyle) => `${entry.family} ${allowedStyle}`)
        : fonts.map((allowed) => allowed.family);
      findings.push({
        rule: 'visual.font',
        severity: 'error',
        message: entry
          ? `${label(node)} uses ${font}; the kit allows ${entry.family} only in ${(entry.styles ?? []).join(', ')}.`
          : `${label(node)} uses ${family}, which is not a brand font (allowed: ${fonts.map((f) => f.family).join(', ')}).`,
        node: nodeRef(node),
        match: font,
        suggestions,
      });
    }
  }
  return findings;
}
