import type { Finding } from '../findings';
import type { BrandKit } from '../kit';
import { resolveChannel } from '../kit';
import { once } from '../once';
import { countGraphemes } from '../text';
import * as z from '../zod';
import type { ProviderId } from './providers';

const filled = () => z.string().check(z.minLength(1));

/** The copy of a content pack, as the model writes it. */
export const packCopySchema = once(() =>
  z.object({
    article: z.object({ title: filled(), outline: z.array(filled()).check(z.minLength(1)), body: filled() }),
    email: z.object({ subject: filled(), preheader: filled(), body: filled() }),
    subjectLines: z.array(filled()).check(z.length(3, 'must hold exactly three subject lines')),
    social: filled(),
    adHeadline: filled(),
  }),
);

export type PackCopy = z.output<ReturnType<typeof packCopySchema>>;

/** Where a draft came from, carried by the pack and by every piece. */
export interface Provenance {
  provider: ProviderId;
  model: string;
  template: string;
  templateVersion: string;
  /** A hash of the brief, kit and template version: the offline seed, and the brief's fingerprint for models. */
  seed: string;
  createdAt: string;
  aiGenerated: true;
}

/** Provenance for a draft made from a template. */
export function makeProvenance(
  template: { id: string; version: string },
  provider: ProviderId,
  model: string,
  seed: string,
  createdAt: string,
): Provenance {
  return { provider, model, template: template.id, templateVersion: template.version, seed, createdAt, aiGenerated: true };
}

/** One reviewable piece of a pack: its text, findings and score. */
export interface Piece {
  id: string;
  channel?: string;
  /** The text as linted, which the findings' offsets refer to (a title or outline carries its Markdown marker). */
  text: string;
  findings: Finding[];
  score: number;
  /** True when the piece makes a claim that is not approved: a person must check it. */
  needsReview: boolean;
  /** The kit's disclosure label, when the channel requires one (already at the end of `text`). */
  disclosure?: string;
  provenance: Provenance;
}

/** A finished content pack: the copy, its pieces, where it came from and what a person should know. */
export interface ContentPack extends PackCopy {
  pieces: Piece[];
  provenance: Provenance;
  notices: string[];
}

/** A channel's length limits. */
export interface Limit {
  channel: string;
  maxGraphemes: number;
  maxWords?: number;
}

// Used when the kit does not define the channel. Sources: common inbox truncation for subjects (about 60)
// and preheaders (about 100); Google Ads responsive search ad headlines (30); X posts (280).
const fallbackLimits: Readonly<Record<string, number>> = {
  'email-subject': 60,
  'email-preheader': 100,
  'search-ad-headline': 30,
  'social-post': 280,
};

/** The channel's limits from the kit, or the usual ones when the kit has no such channel. */
export function channelLimit(kit: BrandKit, channel: string): Limit {
  const defined = resolveChannel(kit, channel);
  const maxGraphemes = defined?.maxGraphemes ?? fallbackLimits[channel] ?? 280;
  return defined?.maxWords ? { channel, maxGraphemes, maxWords: defined.maxWords } : { channel, maxGraphemes };
}

/**
 * Where a channel's disclosure label goes: on the copy's line when it leaves at least half the
 * channel's room for copy, else on a line of its own (a separate field, as ad platforms and posts
 * allow), which the channel's length limit does not count.
 */
export function labelPlacement(kit: BrandKit, channel: string, label: string): 'inline' | 'separate' {
  return countGraphemes(label) + 3 <= channelLimit(kit, channel).maxGraphemes / 2 ? 'inline' : 'separate';
}

/** The disclosure label a channel needs, if any. */
export function disclosureFor(kit: BrandKit, channel: string | undefined): string | undefined {
  const label = kit.disclosure?.label;
  if (!label || !channel) return undefined;
  const required = resolveChannel(kit, channel)?.disclosureRequired || kit.disclosure?.channels.includes(channel);
  return required ? label : undefined;
}
