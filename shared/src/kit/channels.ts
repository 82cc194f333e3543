import type { Severity } from '../findings';
import * as z from '../zod';
import { bool, lengthLimits, severity, stringList, text } from './fields';

/** Where copy runs, with the limits that place counts (in graphemes, as people see characters). */
export interface Channel {
  id: string;
  name: string;
  maxGraphemes?: number;
  minGraphemes?: number;
  maxWords?: number;
  /** Elements the copy must contain: `cta`, `opt-out`, `link`, `brand-name`, `hashtag`, or literal text. */
  requiredElements: string[];
  disclosureRequired: boolean;
  /** Severity of a length finding: `error` where the platform cuts or refuses the copy. */
  severity: Severity;
  /** Where the limit comes from. */
  source: string;
}

/** A kit's channel entry: overrides a preset by id, or adds a channel (then `name` is required). */
export const channelOverrideSchema = () =>
  z.strictObject({
    id: text('a channel id'),
    name: z.optional(text('a channel name')),
    ...lengthLimits(),
    requiredElements: z.optional(stringList()),
    disclosureRequired: z.optional(bool()),
    severity: z.optional(severity()),
    source: z.optional(z.string()),
  });

export type ChannelOverride = z.output<ReturnType<typeof channelOverrideSchema>>;

// A built-in channel: nothing required and no disclosure label unless `limits` says otherwise.
const preset = (id: string, name: string, severity: Severity, limits: Partial<Channel>, source: string): Channel => ({
  requiredElements: [],
  disclosureRequired: false,
  id,
  name,
  ...limits,
  severity,
  source,
});

/** Built-in channels. Each limit cites where it comes from; a kit can override or extend them. */
export const channelPresets: readonly Channel[] = [
  // Mailchimp's subject-line guidance: at most 60 characters and 9 words, or inboxes cut it off.
  preset('email-subject', 'Email subject line', 'warning', { maxGraphemes: 60, maxWords: 9 },
    'Mailchimp, "Best practices for email subject lines": no more than 60 characters and 9 words'),
  // Litmus: inboxes show roughly 40 to 130 characters of preheader; shorter lets body text leak in.
  preset('email-preheader', 'Email preheader', 'warning', { minGraphemes: 40, maxGraphemes: 130 },
    'Litmus, "The ultimate guide to preview text": 40-130 characters shown by major inboxes'),
  // Google Ads responsive search ads: each headline up to 30 characters (the ad is refused above it).
  preset('search-ad-headline', 'Search ad headline', 'error', { maxGraphemes: 30 },
    'Google Ads Help, "About responsive search ads": headlines up to 30 characters'),
  // Google Ads responsive search ads: each description up to 90 characters.
  preset('search-ad-description', 'Search ad description', 'error', { maxGraphemes: 90 },
    'Google Ads Help, "About responsive search ads": descriptions up to 90 characters'),
  // Instagram captions stop at 2,200 characters, the tightest of the big feeds (LinkedIn 3,000, Facebook 63,206).
  preset('social-post', 'Organic social post', 'error', { maxGraphemes: 2200 },
    'Instagram Help Center: captions up to 2,200 characters'),
  // Meta Ads Guide: headlines of 40 characters or fewer avoid truncation in feed placements.
  preset('paid-social-headline', 'Paid social headline', 'warning', { maxGraphemes: 40 },
    'Meta Ads Guide (feed placements): headline 40 characters recommended'),
  // One GSM-7 segment holds 160 characters (3GPP TS 23.038); CTIA's messaging principles ask marketing
  // texts to say how to opt out.
  preset('sms', 'SMS message', 'warning', { maxGraphemes: 160, requiredElements: ['opt-out'] },
    '3GPP TS 23.038 (160 GSM-7 characters per segment); CTIA Messaging Principles (opt-out language)'),
  // X's counting guide: 280 characters for standard accounts (it weights some scripts double; we count graphemes).
  preset('x-post', 'X post', 'error', { maxGraphemes: 280 },
    'X Developer Platform, "Counting characters": 280 for standard accounts'),
];

interface ChannelSource {
  channels?: readonly ChannelOverride[];
  disclosure?: { channels: readonly string[] } | undefined;
}

/** Every channel the kit knows: the presets with the kit's overrides applied, then the kit's own. */
export function listChannels(kit: ChannelSource): Channel[] {
  const ids = channelPresets.map((channel) => channel.id);
  for (const override of kit.channels ?? []) if (!ids.includes(override.id)) ids.push(override.id);
  // Every id is a preset's or the kit's, so each resolves.
  return ids.map((id) => resolveChannel(kit, id)!);
}

/** The channel with this id after the kit's overrides, or undefined when neither the presets nor the kit name it. */
export function resolveChannel(kit: ChannelSource, id: string): Channel | undefined {
  const base = channelPresets.find((channel) => channel.id === id);
  const override = (kit.channels ?? []).find((channel) => channel.id === id);
  if (!base && !override) return undefined;
  const merged: Channel = {
    ...(base ?? { id, name: id, requiredElements: [], disclosureRequired: false, severity: 'warning', source: 'brand kit' }),
  };
  if (override) {
    for (const [key, value] of Object.entries(override)) if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
    if (override.source === undefined && base) merged.source = `${base.source}; adjusted by the brand kit`;
  }
  if (kit.disclosure?.channels.includes(id)) merged.disclosureRequired = true;
  return merged;
}
