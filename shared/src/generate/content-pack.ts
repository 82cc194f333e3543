import type { Finding } from '../findings';
import type { Issue, Parsed } from '../issues';
import { listChannels, resolveChannel, type BrandKit } from '../kit';
import { once } from '../once';
import { contentPackTemplate, type RenderedPrompt } from '../prompts';
import { askWithRepair, promptFor, readJsonAnswer, type RepairRequest } from './ask';
import { parseBrief, type Brief } from './brief';
import { drafted, isoTime, offlineModel, type GenerateOptions, type GenerateSyncOptions } from './model-config';
import { offlineChannelCopy, offlineCopy } from './offline';
import { channelLimit, makeProvenance, packCopySchema, type ContentPack, type PackCopy, type Piece, type Provenance } from './pack';
import { blockingProblems, copyLimit, judgeFor, polishPiece, type Judge } from './pieces';
import type { ModelConfig } from './providers';
import type { RetryPolicy } from './retry';
import { draftSeed, seededRandom } from './seed';
import { runFlow, runFlowSync, type Flow } from './transport';

/** One piece of the pack and the channel that governs it. */
interface Slot {
  id: string;
  channel?: string;
}

interface Context {
  brief: Brief;
  kit: BrandKit;
  slots: Slot[];
  judge: Judge;
  seed: string;
  createdAt: string;
  channels: { social: string; ad: string };
  /** Channels the brief ticks that no fixed piece covers: each gets a piece of its own. */
  extra: string[];
}

// A brief may target other kit channels: an X post for the social piece, a paid-social headline for the ad.
function chosenChannel(brief: Brief, fallback: string, test: (id: string) => boolean): string {
  return brief.channels?.find(test) ?? fallback;
}

function contextFor(brief: Brief, kit: BrandKit, now: Date | string): Context {
  const social = chosenChannel(brief, 'social-post', (id) => /social|post/.test(id) && !/headline/.test(id));
  const ad = chosenChannel(brief, 'search-ad-headline', (id) => /headline/.test(id) && !/email/.test(id));
  // The pack's pieces in output order, as pieceTexts lists their texts.
  const slots: Slot[] = [
    { id: 'article.title' },
    { id: 'article.outline' },
    { id: 'article' },
    { id: 'email.subject', channel: 'email-subject' },
    { id: 'email.preheader', channel: 'email-preheader' },
    { id: 'email' },
    ...[0, 1, 2].map((i) => ({ id: `subjectLines.${i}`, channel: 'email-subject' })),
    { id: 'social', channel: social },
    { id: 'adHeadline', channel: ad },
  ];
  const covered = new Set(slots.map((slot) => slot.channel));
  const extra = [...new Set((brief.channels ?? []).filter((id) => !covered.has(id)))];
  return {
    brief,
    kit,
    slots,
    judge: judgeFor(kit, brief.approvedClaims, true),
    seed: draftSeed({ brief }, kit, contentPackTemplate),
    createdAt: isoTime(now),
    channels: { social, ad },
    extra,
  };
}

/** The id of the piece written for a channel the brief ticks beyond the fixed pieces. */
export const channelPieceId = (channel: string) => `channel.${channel}`;

/** The pieces written for the brief's further channels, in the brief's order. */
export function channelPieces(pack: Pick<ContentPack, 'pieces'>): Piece[] {
  return pack.pieces.filter((piece) => piece.id.startsWith('channel.'));
}

// Copy for each further channel, from the brief (the model's answer has fixed fields); a channel
// with no room for any copy gets a reason instead of a piece.
function extraCopy(ctx: Context): { slots: Slot[]; texts: string[]; reasons: string[] } {
  const random = seededRandom(ctx.seed);
  const out = { slots: [] as Slot[], texts: [] as string[], reasons: [] as string[] };
  for (const channel of ctx.extra) {
    const { text, missing } = offlineChannelCopy(ctx.brief, ctx.kit, random, channel);
    const name = resolveChannel(ctx.kit, channel)?.name ?? channel;
    if (missing.includes('link')) out.reasons.push(`${name} needs a link, which the brief does not give: add one before use.`);
    if (text === undefined) {
      out.reasons.push(`No ${name} piece: even the call to action does not fit its ${channelLimit(ctx.kit, channel).maxGraphemes} characters once the kit's required wording is in.`);
      continue;
    }
    out.slots.push({ id: channelPieceId(channel), channel });
    out.texts.push(text);
  }
  return out;
}

// The title and outline are linted as Markdown headings, so heading rules and their fixes match the body's.
function pieceTexts(copy: PackCopy): string[] {
  const { article, email } = copy;
  return [`# ${article.title}`, article.outline.map((h) => `## ${h}`).join('\n'), article.body, email.subject, email.preheader, email.body, ...copy.subjectLines, copy.social, copy.adHeadline];
}

function copyOf(texts: readonly string[]): PackCopy {
  const [title = '', outline = '', body = '', subject = '', preheader = '', emailBody = '', ...rest] = texts;
  const unheaded = (line: string) => line.replace(/^#+\s*/, '');
  return {
    article: { title: unheaded(title), outline: outline.split('\n').map(unheaded), body },
    email: { subject, preheader, body: emailBody },
    subjectLines: rest.slice(0, 3),
    social: rest[3] ?? '',
    adHeadline: rest[4] ?? '',
  };
}

function provenance(ctx: Context, provider: Provenance['provider'], model: string): Provenance {
  return makeProvenance(contentPackTemplate, provider, model, ctx.seed, ctx.createdAt);
}

interface Settled {
  copy: PackCopy;
  pieces: Piece[];
  fixed: Finding[];
  /** Error-level findings other than claims (claims go to a person), and lengths over a channel's room. */
  problems: string[];
  overLength: string[];
  /** What a person should know about the kit's limits (a label that leaves little room). */
  notes: string[];
}

/** Applies safe fixes, limits and disclosure to every piece and lints the result. */
function settle(draft: PackCopy, ctx: Context, origin: Provenance, offline: boolean): Settled {
  const extra = extraCopy(ctx);
  const texts = [...pieceTexts(draft), ...extra.texts];
  const slots = [...ctx.slots, ...extra.slots];
  const pieces: Piece[] = [];
  const fixed: Finding[] = [];
  const problems: string[] = [];
  const overLength: string[] = [];
  const notes = new Set<string>(extra.reasons);
  const judged: Judge = { ...ctx.judge, memo: new Map() };
  slots.forEach((slot, i) => {
    const room = slot.channel ? copyLimit(ctx.kit, slot.channel) : undefined;
    const { piece, fixed: applied, tooLong } = polishPiece(slot.id, slot.channel, texts[i]!, room, judged, origin, offline);
    fixed.push(...applied);
    if (tooLong) overLength.push(tooLong);
    texts[i] = piece.text;
    pieces.push(piece);
    problems.push(...blockingProblems(slot.id, piece.findings));
  });
  return { copy: copyOf(texts), pieces, fixed, problems, overLength, notes: [...notes] };
}

function pack(settled: Settled, origin: Provenance, notices: string[]): ContentPack {
  const out = [...notices, ...settled.notes];
  if (settled.fixed.length) {
    const rules = [...new Set(settled.fixed.map((f) => f.rule))].join(', ');
    out.push(`Applied ${settled.fixed.length} automatic brand fix${settled.fixed.length === 1 ? '' : 'es'} (${rules}).`);
  }
  const review = settled.pieces.filter((p) => p.needsReview).map((p) => p.id);
  if (review.length) out.push(`Claims that are not approved appear in ${review.join(', ')}; a person must check them before use.`);
  return { ...settled.copy, pieces: settled.pieces, provenance: origin, notices: out };
}

function offlinePack(ctx: Context, notices: string[]): ContentPack {
  const origin = provenance(ctx, 'offline', offlineModel);
  const draft = offlineCopy(ctx.brief, ctx.kit, seededRandom(ctx.seed), ctx.channels);
  return pack(settle(draft.copy, ctx, origin, true), origin, [...notices, ...draft.notices]);
}

function packPrompt(ctx: Context, repair: RepairRequest | null): RenderedPrompt {
  const room = (channel: string) => copyLimit(ctx.kit, channel).max;
  const limits = {
    subject: room('email-subject'),
    subjectWords: copyLimit(ctx.kit, 'email-subject').maxWords ?? null,
    preheader: room('email-preheader'),
    social: room(ctx.channels.social),
    adHeadline: room(ctx.channels.ad),
  };
  // The template reads every brief field but the channels; a missing offer or claim list reads as empty.
  const { channels: _channels, ...brief } = ctx.brief;
  return promptFor(contentPackTemplate, { brief, limits, repair }, ctx.kit);
}

// A brief may only target channels the kit knows, so limits and disclosure rules are never guessed.
function unknownChannels(brief: Brief, kit: BrandKit): Issue[] {
  const known = once(() => listChannels(kit).map((channel) => channel.id).join(', '));
  return (brief.channels ?? []).flatMap((id, i) =>
    resolveChannel(kit, id) ? [] : [{ path: `channels[${i}]`, message: `unknown channel "${id}"; the kit knows ${known()}` }],
  );
}

/** Parses and validates a model's JSON answer, naming what is wrong with it. */
export function readPackCopy(text: string): Parsed<PackCopy> {
  return readJsonAnswer(packCopySchema(), text);
}

function* modelPack(ctx: Context, config: ModelConfig, policy: RetryPolicy): Flow<ContentPack> {
  const origin = provenance(ctx, config.provider, config.model);
  const asked = yield* askWithRepair((repair) => packPrompt(ctx, repair), config, policy, packCopySchema(), (copy) => {
    const settled = settle(copy, ctx, origin, false);
    return { result: settled, problems: settled.problems, soft: settled.overLength };
  });
  if (!asked.ok) return offlinePack(ctx, [`${asked.why}. This pack is the offline draft instead.`]);
  // The model's answer has fixed fields, so further channels are written from the brief, as offline.
  const further = channelPieces(asked.result).map((piece) => piece.channel!);
  const notices = further.length ? [...asked.notices, `The ${further.join(', ')} piece${further.length === 1 ? ' was' : 's were'} written from the brief without the model.`] : asked.notices;
  return pack(asked.result, origin, notices);
}

function* packFlow(briefInput: unknown, kit: BrandKit, options: GenerateOptions | GenerateSyncOptions): Flow<Parsed<ContentPack>> {
  const brief = parseBrief(briefInput);
  if (!brief.ok) return brief;
  const unknown = unknownChannels(brief.value, kit);
  if (unknown.length) return { ok: false, issues: unknown };
  const ctx = contextFor(brief.value, kit, options.now);
  return yield* drafted(options, kit, () => offlinePack(ctx, []), (config, policy) => modelPack(ctx, config, policy));
}

/**
 * Generates a content pack from a brief: offline by default, or with one model request (two with a repair),
 * falling back to the offline draft with a notice when the model's answer cannot be used.
 */
export function generateContentPack(brief: unknown, kit: BrandKit, options: GenerateOptions): Promise<Parsed<ContentPack>> {
  return runFlow(packFlow(brief, kit, options), options.transport, options.sleep);
}

/** The same, for hosts whose network calls block (Apps Script). */
export function generateContentPackSync(brief: unknown, kit: BrandKit, options: GenerateSyncOptions): Parsed<ContentPack> {
  return runFlowSync(packFlow(brief, kit, options), options.transport, options.sleep);
}
