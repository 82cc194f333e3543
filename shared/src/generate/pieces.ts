import type { Finding } from '../findings';
import type { BrandKit } from '../kit';
import { applyFixes, isSafeFix, lintText, unapprovedClaims, type LintResult } from '../lint';
import { countGraphemes } from '../text';
import { fitWords, useKitTerms, withLabel } from './copy';
import { channelLimit, disclosureFor, labelPlacement, type Piece, type Provenance } from './pack';

/** What the brand engine needs to judge a piece. */
export interface Judge {
  kit: BrandKit;
  /** The campaign's approved claims; the lint engine adds the kit's. */
  approvedClaims: string[];
  /** Drafts are AI-written, so channels that require the disclosure label are checked for it. */
  aiGenerated: boolean;
  /** Results already computed for this draft: a pack repeats lines (the email subject is a subject line). */
  memo?: Map<string, LintResult>;
}

/** What judges drafts for a kit and a campaign: the campaign's approved claims (the engine adds the kit's own). */
export function judgeFor(kit: BrandKit, approvedClaims: readonly string[] | undefined, aiGenerated: boolean): Judge {
  return { kit, approvedClaims: [...(approvedClaims ?? [])], aiGenerated };
}

/** Lints text for a channel the kit knows (an unknown channel is linted without channel rules). */
export function judge(text: string, channel: string | undefined, { kit, approvedClaims, aiGenerated, memo }: Judge): LintResult {
  const key = `${channel ?? ''}\u0000${text}`;
  const known = memo?.get(key);
  if (known) return known;
  // The engine lints a channel the kit does not know without channel rules.
  const result = lintText(text, kit, { channel, approvedClaims, aiGenerated });
  memo?.set(key, result);
  return result;
}

/** The room left for copy once the channel's disclosure label is appended (all of it when the label goes on its own line). */
export function copyLimit(kit: BrandKit, channel: string): Room {
  const limit = channelLimit(kit, channel);
  const required = disclosureFor(kit, channel);
  const label = required && labelPlacement(kit, channel, required) === 'inline' ? required : undefined;
  // The label and its separator (' · ' at most) come out of the channel's room.
  const reserve = label ? countGraphemes(label) + 3 : 0;
  const labelWords = label ? label.split(/\s+/).length : 0;
  return limit.maxWords ? { max: limit.maxGraphemes - reserve, maxWords: limit.maxWords - labelWords } : { max: limit.maxGraphemes - reserve };
}

/** Whether text is over its room, as a sentence a model or person can act on. */
export function lengthProblem(id: string, text: string, room: Room | undefined): string | undefined {
  if (!room) return undefined;
  const length = countGraphemes(text);
  if (length > room.max) return `${id} is ${length} characters; the limit is ${room.max}`;
  const words = text.split(/\s+/).filter(Boolean).length;
  return room.maxWords !== undefined && words > room.maxWords ? `${id} is ${words} words; the limit is ${room.maxWords}` : undefined;
}

/** Room for copy: graphemes and, if the channel counts them, words. */
export interface Room {
  max: number;
  maxWords?: number;
}

/** A finished piece, the fixes applied to it, and whether the text it started from was too long. */
export interface Polished {
  piece: Piece;
  fixed: Finding[];
  tooLong?: string;
}

/**
 * Finishes one piece: kit terms (offline drafts), a cut to its room at a word boundary, the deterministic fixes,
 * the disclosure label, and the findings. Lint is the costly step, so the text is linted again only if it changed.
 */
export function polishPiece(id: string, channel: string | undefined, raw: string, room: Room | undefined, judged: Judge, provenance: Provenance, offline: boolean): Polished {
  const source = offline ? useKitTerms(raw, judged.kit) : raw;
  const tooLong = lengthProblem(id, source, room);
  const cut = (text: string) => (room ? fitWords(text, room.max, room.maxWords) : text);
  let text = cut(source);
  let result: LintResult | undefined = judge(text, channel, judged);
  const fixed: Finding[] = [];
  // Overlapping fixes (a heading's case and a word inside it) wait for the next pass; three passes settle them.
  for (let pass = 0; pass < 3 && result; pass++) {
    const safe = result.findings.filter(isSafeFix);
    if (!safe.length) break;
    fixed.push(...safe);
    const next = cut(applyFixes(text, safe));
    if (next === text) break;
    text = next;
    result = pass < 2 ? judge(text, channel, judged) : undefined;
  }
  // Only AI-written text carries the label; an offline rewrite of a person's text applies deterministic fixes only.
  const disclosure = judged.aiGenerated ? disclosureFor(judged.kit, channel) : undefined;
  if (disclosure && !text.includes(disclosure)) {
    text = withLabel(text, disclosure, labelPlacement(judged.kit, channel!, disclosure) === 'separate');
    result = undefined;
  }
  const { findings, score } = result ?? judge(text, channel, judged);
  const piece: Piece = { id, text, findings, score, needsReview: unapprovedClaims(findings).length > 0, provenance };
  if (channel) piece.channel = channel;
  if (disclosure) piece.disclosure = disclosure;
  return tooLong ? { piece, fixed, tooLong } : { piece, fixed };
}

/** Error-level findings a person or model must fix; claims are left out because they go to review instead. */
export function blockingProblems(id: string, findings: readonly Finding[]): string[] {
  const claims = new Set(unapprovedClaims(findings));
  return findings.filter((f) => f.severity === 'error' && !claims.has(f)).map((f) => `${id}: "${f.match}": ${f.message}`);
}
