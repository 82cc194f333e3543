import { nearestPaletteColor, parseHex } from '../color';
import { applyVisualFixes } from './apply-fix';
import { ruleContext } from './context';
import { checkContrast } from './contrast';
import type { CreativeFinding } from './finding';
import type { VisualKit } from './kit-schema';
import type { CreativeSnapshot } from './snapshot';

/**
 * The largest colour move "Fix all safely" makes without asking: ΔE00 5, about where two colours
 * stop reading as the same one side by side (Sharma et al.'s CIEDE2000 notes put a just-noticeable
 * difference near 1–2.3; 5 is a visible but small shift). Larger snaps are offered one by one.
 */
export const safeSnapDeltaE = 5;

/**
 * Marks each fix safe or not for a bulk "fix all": a palette snap is safe when the nearest palette
 * colour is within ΔE00 5 and every text keeps passing contrast once it is applied; raising text to
 * the minimum is always safe. A finding without a fix is left as it is.
 */
export function markSafeFixes(snapshot: CreativeSnapshot, findings: readonly CreativeFinding[], visual: VisualKit, scale = 1): CreativeFinding[] {
  let failingBefore: Set<string> | undefined;
  const failing = (root: CreativeSnapshot) => new Set(checkContrast(ruleContext(root, visual, scale)).map((finding) => `${finding.node.id} ${finding.match}`));
  return findings.map((finding) => {
    const fix = finding.fix;
    if (!fix) return finding;
    if (fix.kind === 'fontSize') return { ...finding, safe: true };
    const from = parseHex(finding.match);
    const near = from && nearestPaletteColor(from, visual.palette);
    if (!near || near.deltaE > safeSnapDeltaE) return { ...finding, safe: false };
    failingBefore ??= failing(snapshot);
    const after = failing(applyVisualFixes(snapshot, [fix]).snapshot);
    const worse = [...after].some((key) => !failingBefore!.has(key));
    return { ...finding, safe: !worse };
  });
}
