import type { Finding } from '../findings';
import type { Parsed } from '../issues';
import type { BrandKit } from '../kit';
import { applyFixes, isSafeFix, unapprovedClaims } from '../lint';
import { once } from '../once';
import { renderPrompt, rewriteToBrandTemplate, type RenderedPrompt } from '../prompts';
import * as z from '../zod';
import { askWithRepair, readJsonAnswer, type RepairRequest } from './ask';
import { isoTime, modelConfig, offlineModel, type GenerateOptions, type GenerateSyncOptions } from './model-config';
import { makeProvenance, type Provenance } from './pack';
import { blockingProblems, copyLimit, judge, polishPiece, type Judge } from './pieces';
import type { ModelConfig } from './providers';
import { defaultRetryPolicy, type RetryPolicy } from './retry';
import { canonicalJson, fingerprint, hashString } from './seed';
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

function offlineRewrite(ctx: RewriteContext, notices: string[]): Rewrite {
  const origin = makeProvenance(rewriteToBrandTemplate, 'offline', offlineModel, ctx.seed, ctx.createdAt);
  const safe = ctx.findings.filter(isSafeFix);
  return result(ctx, safe.length ? applyFixes(ctx.text, safe) : ctx.text, safe, origin, notices);
}

const answerSchema = once(() => z.object({ text: z.string().check(z.minLength(1)) }));

function rewritePrompt(ctx: RewriteContext, repair: RepairRequest | null): RenderedPrompt {
  const rendered = renderPrompt(
    rewriteToBrandTemplate,
    {
      text: ctx.text,
      channel: ctx.channel ?? '',
      maxGraphemes: ctx.channel ? copyLimit(ctx.judged.kit, ctx.channel).max : null,
      findings: ctx.findings.map((f) => ({ match: f.match, message: f.message })),
      repair,
    },
    ctx.judged.kit,
  );
  // Every input is a plain string or number built here; a failure is a bug in the template.
  if (!rendered.ok) throw new Error(rendered.error.message);
  return rendered.value;
}

function* modelRewrite(ctx: RewriteContext, config: ModelConfig, policy: RetryPolicy): Flow<Rewrite> {
  const origin = makeProvenance(rewriteToBrandTemplate, config.provider, config.model, ctx.seed, ctx.createdAt);
  // A model's rewrite is AI-written, so the channel's disclosure label applies to it.
  const judged: Judge = { ...ctx.judged, aiGenerated: true };
  const read = (answer: string): Parsed<string> => {
    const parsed = readJsonAnswer(answerSchema(), answer);
    return parsed.ok ? { ok: true, value: parsed.value.text } : parsed;
  };
  const room = ctx.channel ? copyLimit(ctx.judged.kit, ctx.channel) : undefined;
  // The same finishing as a pack's pieces: fixes, the channel's room and its disclosure label.
  const asked = yield* askWithRepair((repair) => rewritePrompt(ctx, repair), config, policy, read, (text) => {
    const { piece, fixed, tooLong } = polishPiece('text', ctx.channel, text, room, judged, origin, false);
    return { result: { text: piece.text, fixed }, problems: blockingProblems('text', piece.findings), soft: tooLong ? [tooLong] : [] };
  });
  if (!asked.ok) return offlineRewrite(ctx, [`${asked.why}. Only the automatic fixes were applied.`]);
  return result(ctx, asked.result.text, asked.result.fixed, origin, asked.notices, judged);
}

function* rewriteFlow(text: string, findings: readonly Finding[], kit: BrandKit, target: RewriteTarget, options: GenerateOptions | GenerateSyncOptions): Flow<Parsed<Rewrite>> {
  const config = modelConfig(options);
  if (!config.ok) return config;
  const ctx: RewriteContext = {
    text,
    findings,
    channel: target.channel,
    judged: { kit, approvedClaims: [...(kit.claims?.approved ?? []), ...(target.approvedClaims ?? [])], aiGenerated: false },
    seed: hashString(canonicalJson({ text, kit: fingerprint(kit), template: rewriteToBrandTemplate.version })),
    createdAt: isoTime(options.now),
  };
  if (!config.value) return { ok: true, value: offlineRewrite(ctx, []) };
  return { ok: true, value: yield* modelRewrite(ctx, config.value, options.retry ?? defaultRetryPolicy) };
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
