import type { Finding } from '../findings';
import type { Parsed } from '../issues';
import type { BrandKit } from '../kit';
import { unapprovedClaims } from '../lint';
import { once } from '../once';
import { rewriteToBrandTemplate, type RenderedPrompt } from '../prompts';
import * as z from '../zod';
import { askWithRepair, promptFor, type RepairRequest } from './ask';
import { drafted, isoTime, offlineModel, type GenerateOptions, type GenerateSyncOptions } from './model-config';
import { makeProvenance, type Provenance } from './pack';
import { blockingProblems, copyLimit, judge, judgeFor, polishPiece, type Judge } from './pieces';
import type { ModelConfig } from './providers';
import type { RetryPolicy } from './retry';
import { draftSeed } from './seed';
import { runFlow, runFlowSync, type Flow } from './transport';

/** Where the text is used: its channel (for limits and disclosure) and the campaign's approved claims. */
export interface RewriteTarget {
  channel?: string;
  approvedClaims?: readonly string[];
}

/** Rewritten text with what was fixed automatically and what a person must still fix. */
export interface Rewrite {
  text: string;
  findings: Finding[];
  score: number;
  needsReview: boolean;
  /** Findings fixed by the deterministic fixes. */
  fixed: Finding[];
  /** Findings a person must still look at, in the final text. */
  remaining: Finding[];
  provenance: Provenance;
  notices: string[];
}

interface RewriteContext {
  text: string;
  findings: readonly Finding[];
  channel: string | undefined;
  judged: Judge;
  seed: string;
  createdAt: string;
}

function result(ctx: RewriteContext, text: string, fixed: Finding[], origin: Provenance, notices: string[], judged = ctx.judged): Rewrite {
  const { findings, score } = judge(text, ctx.channel, judged);
  const out = [...notices];
  if (findings.length) out.push(`${findings.length} finding${findings.length === 1 ? '' : 's'} still need a person: ${findings.map((f) => `"${f.match}"`).join(', ')}.`);
  const needsReview = unapprovedClaims(findings).length > 0;
  return { text, findings, score, needsReview, fixed, remaining: findings, provenance: origin, notices: out };
}

/**
 * The offline rewrite: the kit's substitutions and term swaps, its safe fixes and a cut to the
 * channel's room, as a pack's pieces are finished; it says so when none of them changes anything.
 */
function offlineRewrite(ctx: RewriteContext, notices: string[]): Rewrite {
  const origin = makeProvenance(rewriteToBrandTemplate, 'offline', offlineModel, ctx.seed, ctx.createdAt);
  const room = ctx.channel ? copyLimit(ctx.judged.kit, ctx.channel) : undefined;
  // The kit's substitutions and term swaps arrive as safe fixes; a term with no replacement is left for a person, not cut mid-sentence.
  const { piece, fixed, tooLong } = polishPiece('text', ctx.channel, ctx.text, room, ctx.judged, origin, false);
  // A rewrite that would remove everything (a selection of one hedge word) keeps the text instead.
  const text = piece.text.trim() ? piece.text : ctx.text;
  const out = [...notices];
  if (text === ctx.text) out.push('The offline rewrite could not change anything here: the kit has no substitution, safe fix or length cut for this text. A model (Settings) can rephrase it.');
  else if (tooLong) out.push(`Cut to fit: ${tooLong}.`);
  // What was fixed: the findings given that the final text no longer has, whether a swap or a fix removed them.
  const left = judge(text, ctx.channel, ctx.judged).findings;
  const gone = ctx.findings.filter((f) => !left.some((l) => l.rule === f.rule && l.match === f.match));
  return result(ctx, text, text === ctx.text ? [] : [...new Set([...fixed, ...gone])], origin, out);
}

const answerSchema = once(() => z.object({ text: z.string().check(z.minLength(1)) }));

function rewritePrompt(ctx: RewriteContext, repair: RepairRequest | null): RenderedPrompt {
  const vars = {
    text: ctx.text,
    channel: ctx.channel ?? '',
    maxGraphemes: ctx.channel ? copyLimit(ctx.judged.kit, ctx.channel).max : null,
    findings: ctx.findings.map((f) => ({ match: f.match, message: f.message })),
    repair,
  };
  return promptFor(rewriteToBrandTemplate, vars, ctx.judged.kit);
}

function* modelRewrite(ctx: RewriteContext, config: ModelConfig, policy: RetryPolicy): Flow<Rewrite> {
  const origin = makeProvenance(rewriteToBrandTemplate, config.provider, config.model, ctx.seed, ctx.createdAt);
  // A model's rewrite is AI-written, so the channel's disclosure label applies to it.
  const judged: Judge = { ...ctx.judged, aiGenerated: true };
  const room = ctx.channel ? copyLimit(ctx.judged.kit, ctx.channel) : undefined;
  // The same finishing as a pack's pieces: fixes, the channel's room and its disclosure label.
  const asked = yield* askWithRepair((repair) => rewritePrompt(ctx, repair), config, policy, answerSchema(), ({ text }) => {
    const { piece, fixed, tooLong } = polishPiece('text', ctx.channel, text, room, judged, origin, false);
    return { result: { text: piece.text, fixed }, problems: blockingProblems('text', piece.findings), soft: tooLong ? [tooLong] : [] };
  });
  if (!asked.ok) return offlineRewrite(ctx, [`${asked.why}. Only the automatic fixes were applied.`]);
  return result(ctx, asked.result.text, asked.result.fixed, origin, asked.notices, judged);
}

function* rewriteFlow(text: string, findings: readonly Finding[], kit: BrandKit, target: RewriteTarget, options: GenerateOptions | GenerateSyncOptions): Flow<Parsed<Rewrite>> {
  const ctx: RewriteContext = {
    text,
    findings,
    channel: target.channel,
    judged: judgeFor(kit, target.approvedClaims, false),
    seed: draftSeed({ text }, kit, rewriteToBrandTemplate),
    createdAt: isoTime(options.now),
  };
  return yield* drafted(options, kit, () => offlineRewrite(ctx, []), (config, policy) => modelRewrite(ctx, config, policy));
}

/**
 * Rewrites text to fix its findings and keep its meaning. Offline (the default) applies the deterministic fixes
 * and reports what a person must fix; with a model, one request (two with a repair), falling back to the fixes.
 */
export function rewriteToBrand(
  text: string,
  findings: readonly Finding[],
  kit: BrandKit,
  options: GenerateOptions & RewriteTarget,
): Promise<Parsed<Rewrite>> {
  return runFlow(rewriteFlow(text, findings, kit, options, options), options.transport, options.sleep);
}

/** The same, for hosts whose network calls block (Apps Script). */
export function rewriteToBrandSync(text: string, findings: readonly Finding[], kit: BrandKit, options: GenerateSyncOptions & RewriteTarget): Parsed<Rewrite> {
  return runFlowSync(rewriteFlow(text, findings, kit, options, options), options.transport, options.sleep);
}
