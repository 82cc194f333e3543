import { parseWith, type Parsed } from '../issues';
import type { BrandKit } from '../kit';
import { adVariantsTemplate, renderPrompt, type RenderedPrompt } from '../prompts';
import * as z from '../zod';
import { askWithRepair, readJsonAnswer, type RepairRequest } from './ask';
import { bare, lowerFirst, sentence, upperFirst } from './copy';
import { isoTime, modelConfig, offlineModel, type GenerateOptions, type GenerateSyncOptions } from './model-config';
import { disclosureFor, makeProvenance, type Piece, type Provenance } from './pack';
import { blockingProblems, copyLimit, polishPiece, type Judge, type Room } from './pieces';
import type { ModelConfig } from './providers';
import { defaultRetryPolicy, type RetryPolicy } from './retry';
import { canonicalJson, fingerprint, hashString, seededRandom, type Random } from './seed';
import { countGraphemes } from '../text';
import { runFlow, runFlowSync, type Flow } from './transport';

const text = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));

/** What to write variants of: a headline, a call to action or body copy, for one size or channel. */
export const variantRequestSchema = z.object({
  kind: z.enum(['headline', 'cta', 'body']),
  brief: z.object({
    product: text,
    keyMessage: text,
    audience: z.optional(z.string()),
    benefits: z.optional(z.array(text)),
    cta: z.optional(z.string()),
    offer: z.optional(z.string()),
    approvedClaims: z.optional(z.array(text)),
  }),
  count: z.int().check(z.positive(), z.maximum(20)),
  maxGraphemes: z.int().check(z.positive()),
  channel: z.optional(text),
});

export type VariantRequest = z.input<typeof variantRequestSchema>;
type Request = z.output<typeof variantRequestSchema>;

/** Variants with their findings, scores and provenance. */
export interface VariantSet {
  kind: Request['kind'];
  variants: Piece[];
  provenance: Provenance;
  notices: string[];
}

function candidates(request: Request): string[] {
  const { product, keyMessage, benefits = [], cta = '', offer = '', audience = '' } = request.brief;
  const message = bare(keyMessage);
  const keep = [product];
  const lead = benefits.map(bare);
  if (request.kind === 'headline') {
    return [message, ...lead.map((b) => `${product}: ${lowerFirst(b, keep)}`), ...lead.map(upperFirst), `${message} with ${product}`, `Meet ${product}`, product];
  }
  if (request.kind === 'cta') {
    return [bare(cta), `Try ${product}`, 'Get started', 'See how it works', `Explore ${product}`, 'Learn more', offer ? 'Claim the offer' : 'Find out more'].filter(Boolean);
  }
  const who = audience ? ` for ${bare(audience)}` : '';
  return [
    `${sentence(message)} ${lead[0] ? sentence(lead[0]) : ''}`.trim(),
    ...lead.map((b) => `${sentence(b)} ${cta ? sentence(cta) : ''}`.trim()),
    `${product}${who}. ${sentence(message)}`,
    offer ? `${sentence(offer)} ${sentence(message)}` : `${sentence(message)} ${cta ? sentence(cta) : ''}`.trim(),
  ];
}

function roomFor(request: Request, kit: BrandKit): Room {
  if (!request.channel) return { max: request.maxGraphemes };
  const channelRoom = copyLimit(kit, request.channel);
  const label = disclosureFor(kit, request.channel);
  const max = Math.min(channelRoom.max, request.maxGraphemes - (label ? countGraphemes(label) + 3 : 0));
  return channelRoom.maxWords ? { max, maxWords: channelRoom.maxWords } : { max };
}

function settleVariants(texts: readonly string[], request: Request, judged: Judge, origin: Provenance, offline: boolean) {
  const room = roomFor(request, judged.kit);
  const seen = new Set<string>();
  const variants: Piece[] = [];
  const problems: string[] = [];
  const soft: string[] = [];
  for (const raw of texts) {
    if (variants.length >= request.count) break;
    const id = `variants.${variants.length}`;
    const { piece, tooLong } = polishPiece(id, request.channel, raw, room, judged, origin, offline);
    const key = piece.text.toLowerCase();
    if (!piece.text.trim() || seen.has(key)) continue;
    seen.add(key);
    if (tooLong) soft.push(tooLong);
    problems.push(...blockingProblems(id, piece.findings));
    variants.push(piece);
  }
  return { variants, problems, soft };
}

function ordered(random: Random, items: readonly string[]): string[] {
  // The first candidate is the brief's own wording and stays first; the rest are shuffled by the seed.
  const rest = items.slice(1);
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  return [...items.slice(0, 1), ...rest];
}

interface VariantContext {
  request: Request;
  kit: BrandKit;
  judged: Judge;
  seed: string;
  createdAt: string;
}

function offlineVariants(ctx: VariantContext, notices: string[]): VariantSet {
  const origin = makeProvenance(adVariantsTemplate, 'offline', offlineModel, ctx.seed, ctx.createdAt);
  const { variants } = settleVariants(ordered(seededRandom(ctx.seed), candidates(ctx.request)), ctx.request, ctx.judged, origin, true);
  const out = [...notices];
  if (variants.length < ctx.request.count) out.push(`The brief gave ${variants.length} distinct ${ctx.request.kind} variants offline, not ${ctx.request.count}.`);
  return { kind: ctx.request.kind, variants, provenance: origin, notices: out };
}

const answerSchema = z.object({ slots: z.array(z.object({ id: z.string(), variants: z.array(z.string()) })).check(z.minLength(1)) });

function variantPrompt(ctx: VariantContext, repair: RepairRequest | null): RenderedPrompt {
  const { brief, kind, count } = ctx.request;
  const rendered = renderPrompt(
    adVariantsTemplate,
    {
      brief: {
        campaign: '',
        product: brief.product,
        audience: brief.audience ?? '',
        keyMessage: brief.keyMessage,
        benefits: brief.benefits ?? [],
        cta: brief.cta ?? '',
        offer: brief.offer ?? '',
        approvedClaims: brief.approvedClaims ?? [],
      },
      slots: [{ id: kind, kind, count, maxGraphemes: roomFor(ctx.request, ctx.kit).max }],
      repair,
    },
    ctx.kit,
  );
  // The inputs are validated above; a failure here is a bug in the template.
  if (!rendered.ok) throw new Error(rendered.error.message);
  return rendered.value;
}

function* modelVariants(ctx: VariantContext, config: ModelConfig, policy: RetryPolicy): Flow<VariantSet> {
  const origin = makeProvenance(adVariantsTemplate, config.provider, config.model, ctx.seed, ctx.createdAt);
  const read = (answer: string): Parsed<string[]> => {
    const parsed = readJsonAnswer(answerSchema, answer);
    if (!parsed.ok) return parsed;
    const slot = parsed.value.slots.find((s) => s.id === ctx.request.kind) ?? parsed.value.slots[0]!;
    return { ok: true, value: slot.variants };
  };
  const asked = yield* askWithRepair((repair) => variantPrompt(ctx, repair), config, policy, read, (texts) => {
    const settled = settleVariants(texts, ctx.request, ctx.judged, origin, false);
    const short = settled.variants.length < ctx.request.count ? [`only ${settled.variants.length} distinct variants of ${ctx.request.count}`] : [];
    return { result: settled.variants, problems: [...settled.problems, ...short], soft: settled.soft };
  });
  if (!asked.ok) return offlineVariants(ctx, [`${asked.why}. These variants are offline drafts instead.`]);
  return { kind: ctx.request.kind, variants: asked.result, provenance: origin, notices: asked.notices };
}

function* variantsFlow(input: unknown, kit: BrandKit, options: GenerateOptions | GenerateSyncOptions): Flow<Parsed<VariantSet>> {
  const request = parseWith(variantRequestSchema, input);
  if (!request.ok) return request;
  const config = modelConfig(options);
  if (!config.ok) return config;
  const ctx: VariantContext = {
    request: request.value,
    kit,
    judged: { kit, approvedClaims: [...(kit.claims?.approved ?? []), ...(request.value.brief.approvedClaims ?? [])], aiGenerated: true },
    seed: hashString(canonicalJson({ request: request.value, kit: fingerprint(kit), template: adVariantsTemplate.version })),
    createdAt: isoTime(options.now),
  };
  if (!config.value) return { ok: true, value: offlineVariants(ctx, []) };
  return { ok: true, value: yield* modelVariants(ctx, config.value, options.retry ?? defaultRetryPolicy) };
}

/** Headline, CTA or body variants within a length limit: offline and deterministic by default, or from a model. */
export function generateVariants(request: VariantRequest, kit: BrandKit, options: GenerateOptions): Promise<Parsed<VariantSet>> {
  return runFlow(variantsFlow(request, kit, options), options.transport, options.sleep);
}

/** The same, for hosts whose network calls block (Apps Script). */
export function generateVariantsSync(request: VariantRequest, kit: BrandKit, options: GenerateSyncOptions): Parsed<VariantSet> {
  return runFlowSync(variantsFlow(request, kit, options), options.transport, options.sleep);
}
