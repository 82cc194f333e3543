import { markSafeFixes } from './safe-fix';
import { severityRank } from '../findings';
import { checkContrast } from './contrast';
import { ruleContext, type RuleContext } from './context';
import type { CreativeFinding } from './finding';
import { checkFonts } from './fonts';
import { visualKitSchema, type VisualKit } from './kit-schema';
import { checkLogo } from './logo';
import { checkPalette } from './palette';
import { checkSafeZone } from './safe-zone';
import type { CreativeSnapshot } from './snapshot';
import { checkTextSize } from './text-size';

/** The visual rules in the order their findings are listed. */
export const visualRules: readonly ((ctx: RuleContext) => CreativeFinding[])[] = [
  checkPalette,
  checkFonts,
  checkTextSize,
  checkContrast,
  checkLogo,
  checkSafeZone,
];

export interface CheckOptions {
  /** Export scale (1 by default): text size and pixel margins are judged at the output's real pixels. */
  scale?: number;
}

/** Checks a creative against the kit's visual rules; without a visual section, WCAG AA contrast and the default logo rule (`#logo`, 25% clear space) still run. */
export function checkCreative(
  snapshot: CreativeSnapshot,
  kit: { visual?: VisualKit },
  options: CheckOptions = {},
): CreativeFinding[] {
  const visual = kit.visual ?? visualKitSchema().parse({});
  const ctx = ruleContext(snapshot, visual, options.scale ?? 1);
  const findings = markSafeFixes(snapshot, visualRules.flatMap((rule) => rule(ctx)), visual, options.scale ?? 1);
  // Errors first, then by rule order (stable sort keeps tree order inside a rule).
  return findings.sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
}

/**
 * Brand fit for a creative, 0–100: 100 × N / (N + penalty), where N is the number of visible layers
 * and the penalty weighs each finding by severity (error 3, warning 1, suggestion 0.25). It falls as
 * findings rise and is normalised by the creative's size, so one stray colour costs a 60-layer
 * master less than a 5-layer banner. Rounded to a whole number.
 */
export function brandFitScore(findings: readonly { severity: CreativeFinding['severity'] }[], layerCount: number): number {
  const weight = { error: 3, warning: 1, suggestion: 0.25 };
  const penalty = findings.reduce((sum, finding) => sum + weight[finding.severity], 0);
  const n = Math.max(1, layerCount);
  return Math.round((100 * n) / (n + penalty));
}
