import { parseWith, type Parsed } from '../issues';
import type { BrandKit } from '../kit';
import { adVariantsTemplate, type RenderedPrompt } from '../prompts';
import { once } from '../once';
import { countGraphemes } from '../text';
import * as z from '../zod';
import { askWithRepair, promptFor, type RepairRequest } from './ask';
import { bare, lowerFirst, sentence, upperFirst } from './copy';
import { drafted, isoTime, offlineModel, type GenerateOptions, type GenerateSyncOptions } from './model-config';
import { disclosureFor, makeProvenance, type Piece, type Provenance } from './pack';
import { blockingProblems, copyLimit, judgeFor, polishPiece, type Judge, type Room } from './pieces';
import type { ModelConfig } from './providers';
import type { RetryPolicy } from './retry';
import { draftSeed, seededRandom, shuffled, type Random } from './seed';
import { runFlow, runFlowSync, type Flow } from './transport';

const text = () => z.string().check(z.trim(), z.minLength(1, 'must not be empty'));
const kind = () => z.enum(['headline', 'cta', 'body']);
const count = () => z.int().check(z.positive(), z.maximum(20));

/** The part of a brief that short copy needs. */
const variantBrief = () =>
  z.object({
    product: text(),
    keyMessage: text(),
    audience: z.optional(z.string()),
    benefits: z.optional(z.array(text())),
    cta: z.optional(z.string()),
    offer: z.optional(z.string()),
    approvedClaims: z.optional(z.array(text())),
  });

/** What to write variants of: a headline, a call to action or body copy, for one size or channel. */
export const variantRequestSchema = once(() =>
  z.object({
    kind: kind(),
    brief: variantBrief(),
    count: count(),
    maxGraphemes: z.int().check(z.positive()),
    channel: z.optional(text()),
  }),
);

/** Several slots (each ad size's headline, CTA, body) written in one request. */
export const slotRequestSchema = once(() =>
  z.object({
    brief: variantBrief(),
    slots: z
      .array(z.object({ id: text(), kind: kind(), count: count(), maxGraphemes: z.int().check(z.positive()), channel: z.optional(text()) }))
      .check(
        z.minLength(1, 'needs at least one slot'),
        z.refine((slots) => new Set(slots.map((slot) => slot.id)).size === slots.length, 'slot ids must be different'),
      ),
  }),
);

export type VariantRequest = z.input<ReturnType<typeof variantRequestSchema>>;
export type SlotRequest = z.input<ReturnType<typeof slotRequestSchema>>;
type Request = z.output<ReturnType<typeof slotRequestSchema>>;
type Slot = Request['slots'][number];
type Kind = Slot['kind'];

/** Variants with their findings, scores and provenance. */
export interface VariantSet {
  kind: Kind;
  variants: Piece[];
  provenance: Provenance;
  notices: string[];
}

/** One slot's variants. */
export interface SlotVariants {
  id: string;
  kind: Kind;
  variants: Piece[];
}

/** Every slot's variants, from one request (or offline), with provenance and notices. */
export interface SlotVariantSet {
  slots: SlotVariants[];
  provenance: Provenance;
  notices: string[];
}

function candidates(kind: Kind, brief: Request['brief']): string[] {
  const { product, keyMessage, benefits = [], cta = '', offer = '', audience = '' } = brief;
  const message = bare(keyMessage);
  const keep = [product];
  const lead = benefits.map(bare);
  if (kind === 'headline') {
    return [message, ...lead.map((b) => `${product}: ${lowerFirst(b, keep)}`), ...lead.map(upperFirst), `${message} with ${product}`, `Meet ${product}`, product];
  }
  if (kind === 'cta') {
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

function roomFor(slot: Slot, kit: BrandKit): Room {
  if (!slot.channel) return { max: slot.maxGraphemes };
  const channelRoom = copyLimit(kit, slot.channel);
  const label = disclosureFor(kit, slot.channel);
  const max = Math.min(channelRoom.max, slot.maxGraphemes - (label ? countGraphemes(label) + 3 : 0));
  return channelRoom.maxWords ? { max, maxWords: channelRoom.maxWords } : { max };
}

function settleSlot(texts: readonly string[], slot: Slot, judged: Judge, origin: Provenance, offline: boolean) {
  const room = roomFor(slot, judged.kit);
  const seen = new Set<string>();
  const variants: Piece[] = [];
  const problems: string[] = [];
  const soft: string[] = [];
  for (const raw of texts) {
    if (variants.length >= slot.count) break;
    const id = `${slot.id}.${variants.length}`;
    const { piece, tooLong } = polishPiece(id, slot.channel, raw, room, judged, origin, offline);
    const key = piece.text.toLowerCase();
    if (!piece.text.trim() || seen.has(key)) continue;
    seen.add(key);
    if (tooLong) soft.push(tooLong);
    problems.push(...blockingProblems(id, piece.findings));
    variants.push(piece);
  }
  return { slot: { id: slot.id, kind: slot.kind, variants }, problems, soft };
}

// The first candidate is the brief's own wording and stays first; the rest are shuffled by the seed.
function ordered(random: Random, items: readonly string[]): string[] {
  return [...items.slice(0, 1), ...shuffled(random, items.slice(1))];
}

interface SlotContext {
  request: Request;
  kit: BrandKit;
  judged: Judge;
  seed: string;
  createdAt: string;
}

// Each slot is seeded as if asked for alone, so a size's copy does not change when other sizes are added.
function slotSeed(ctx: SlotContext, slot: Slot): string {
  const { id: _id, ...alone } = slot;
  return draftSeed({ request: { ...alone, brief: ctx.request.brief } }, ctx.kit, adVariantsTemplate);
}

function offlineSlots(ctx: SlotContext, notices: string[]): SlotVariantSet {
  const origin = makeProvenance(adVariantsTemplate, 'offline', offlineModel, ctx.seed, ctx.createdAt);
  const out = [...notices];
  const slots = ctx.request.slots.map((slot) => {
    const texts = ordered(seededRandom(slotSeed(ctx, slot)), candidates(slot.kind, ctx.request.brief));
    const settled = settleSlot(texts, slot, ctx.judged, origin, true).slot;
    if (settled.variants.length < slot.count) {
      out.push(`The brief gave ${settled.variants.length} distinct ${slot.kind} variants offline, not ${slot.count} (slot "${slot.id}").`);
    }
    return settled;
  });
  return { slots, provenance: origin, notices: out };
}

const answerSchema = once(() => z.object({ slots: z.array(z.object({ id: z.string(), variants: z.array(z.string()) })).check(z.minLength(1)) }));

function slotPrompt(ctx: SlotContext, repair: RepairRequest | null): RenderedPrompt {
  const { brief, slots } = ctx.request;
  // Short copy needs only part of a brief; the template reads the rest as blank.
  const view = { campaign: '', product: brief.product, audience: brief.audience ?? '', keyMessage: brief.keyMessage, benefits: brief.benefits ?? [], cta: brief.cta ?? '', offer: brief.offer, approvedClaims: brief.approvedClaims };
  const asked = slots.map((slot) => ({ id: slot.id, kind: slot.kind, count: slot.count, maxGraphemes: roomFor(slot, ctx.kit).max }));
  return promptFor(adVariantsTemplate, { brief: view, slots: asked, repair }, ctx.kit);
}

function* modelSlots(ctx: SlotContext, config: ModelConfig, policy: RetryPolicy): Flow<SlotVariantSet> {
  const origin = makeProvenance(adVariantsTemplate, config.provider, config.model, ctx.seed, ctx.createdAt);
  const asked = yield* askWithRepair((repair) => slotPrompt(ctx, repair), config, policy, answerSchema(), (answer) => {
    const problems: string[] = [];
    const soft: string[] = [];
    const slots = ctx.request.slots.map((slot) => {
      // With one slot asked and one answered, a model that renamed the slot still answered it.
      const lone = ctx.request.slots.length === 1 && answer.slots.length === 1 ? answer.slots[0] : undefined;
      const given = (answer.slots.find((s) => s.id === slot.id) ?? lone)?.variants;
      if (!given) problems.push(`the answer has no slot "${slot.id}"`);
      const settled = settleSlot(given ?? [], slot, ctx.judged, origin, false);
      problems.push(...settled.problems);
      soft.push(...settled.soft);
      if (given && settled.slot.variants.length < slot.count) {
        problems.push(`slot "${slot.id}" has ${settled.slot.variants.length} distinct variants, not ${slot.count}`);
      }
      return settled.slot;
    });
    return { result: slots, problems, soft };
  });
  if (!asked.ok) return offlineSlots(ctx, [`${asked.why}. These variants are offline drafts instead.`]);
  return { slots: asked.result, provenance: origin, notices: asked.notices };
}

function* slotsFlow(request: Request, kit: BrandKit, options: GenerateOptions | GenerateSyncOptions): Flow<Parsed<SlotVariantSet>> {
  const ctx: SlotContext = { request, kit, judged: judgeFor(kit, request.brief.approvedClaims, true), seed: '', createdAt: isoTime(options.now) };
  // One slot records its own seed, so asking for it alone or through generateVariants gives the same provenance.
  ctx.seed = request.slots.length === 1 ? slotSeed(ctx, request.slots[0]!) : draftSeed({ request }, kit, adVariantsTemplate);
  return yield* drafted(options, kit, () => offlineSlots(ctx, []), (config, policy) => modelSlots(ctx, config, policy));
}

function* parsedSlotsFlow(input: unknown, kit: BrandKit, options: GenerateOptions | GenerateSyncOptions): Flow<Parsed<SlotVariantSet>> {
  const request = parseWith(slotRequestSchema(), input);
  if (!request.ok) return request;
  return yield* slotsFlow(request.value, kit, options);
}

function* variantsFlow(input: unknown, kit: BrandKit, options: GenerateOptions | GenerateSyncOptions): Flow<Parsed<VariantSet>> {
  const request = parseWith(variantRequestSchema(), input);
  if (!request.ok) return request;
  const { brief, ...slot } = request.value;
  const set = yield* slotsFlow({ brief, slots: [{ id: slot.kind, ...slot }] }, kit, options);
  if (!set.ok) return set;
  const { slots, provenance, notices } = set.value;
  return { ok: true, value: { kind: slot.kind, variants: slots[0]!.variants, provenance, notices } };
}

/** Headline, CTA or body variants within a length limit: offline and deterministic by default, or from a model. */
export function generateVariants(request: VariantRequest, kit: BrandKit, options: GenerateOptions): Promise<Parsed<VariantSet>> {
  return runFlow(variantsFlow(request, kit, options), options.transport, options.sleep);
}

/** The same, for hosts whose network calls block (Apps Script). */
export function generateVariantsSync(request: VariantRequest, kit: BrandKit, options: GenerateSyncOptions): Parsed<VariantSet> {
  return runFlowSync(variantsFlow(request, kit, options), options.transport, options.sleep);
}

/** Variants for several slots (every ad size's headline, CTA and body) in one model request, or offline. */
export function generateSlotVariants(request: SlotRequest, kit: BrandKit, options: GenerateOptions): Promise<Parsed<SlotVariantSet>> {
  return runFlow(parsedSlotsFlow(request, kit, options), options.transport, options.sleep);
}

/** The same, for hosts whose network calls block (Apps Script). */
export function generateSlotVariantsSync(request: SlotRequest, kit: BrandKit, options: GenerateSyncOptions): Parsed<SlotVariantSet> {
  return runFlowSync(parsedSlotsFlow(request, kit, options), options.transport, options.sleep);
}
