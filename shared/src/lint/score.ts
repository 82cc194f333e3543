import type { Finding, Severity } from '../findings';
import { countWords } from '../text';

/** Penalty points per finding, by severity. */
export const severityWeights: Record<Severity, number> = { error: 10, warning: 4, suggestion: 1 };

/**
 * Brand fit, 0–100. Each finding costs points by severity (error 10, warning 4, suggestion 1); the
 * total is spread over the text's length in hundreds of words (at least one), so a long text is not
 * punished for being long, then mapped to a score that falls smoothly and never goes below 0:
 *
 *   penalty = Σ weight(severity) / max(1, words / 100)
 *   score   = round(100 · e^(−penalty / 25))
 *
 * No finding scores 100; one error in a short text scores 67; five errors score 14.
 */
export function brandFitScore(text: string, findings: readonly Finding[]): number {
  return findings.length === 0 ? 100 : scoreForWords(countWords(text), findings);
}

/** The brand-fit formula for a text whose word count is already known. */
export function scoreForWords(words: number, findings: readonly Finding[]): number {
  if (findings.length === 0) return 100;
  const points = findings.reduce((sum, finding) => sum + (severityWeights[finding.severity] ?? 0), 0);
  const penalty = points / Math.max(1, words / 100);
  return Math.round(100 * Math.exp(-penalty / 25));
}
