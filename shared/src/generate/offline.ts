import { resolveChannel, type BrandKit } from '../kit';
import type { Brief } from './brief';
import { cleanBriefLine } from './brief-terms';
import { bare, fits, fitWords, lowerFirst, sentence, upperFirst } from './copy';
import type { PackCopy } from './pack';
import { copyLimit } from './pieces';
import { shuffled, type Random } from './seed';

// The offline generator writes a usable first draft from the brief alone, with no network.
// Every choice below comes from the seeded PRNG, so the same brief, kit and template version give the same bytes.

const numberWords = ['', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten'];

interface Facts {
  product: string;
  audience: string;
  message: string;
  benefits: string[];
  cta: string;
  offer: string;
  keep: string[];
  /** What changed from the brief's own words, and why. */
  notices: string[];
}

function factsOf(brief: Brief, kit: BrandKit): Facts {
  const keep = [brief.product, ...kit.terms.filter((t) => t.status === 'approved').map((t) => t.term)];
  const notices: string[] = [];
  const clean = (line: string, field: string) => {
    const out = cleanBriefLine(line, kit, brief.approvedClaims ?? [], field);
    notices.push(...out.notices);
    return out.text;
  };
  const product = bare(brief.product);
  const audience = clean(brief.audience, 'audience') || 'everyone';
  // With its clause gone, a line the draft cannot do without says what the brief still says safely.
  const message = clean(brief.keyMessage, 'key message') || `${upperFirst(product)}, built for ${audience}`;
  const benefits = brief.benefits.map((benefit, i) => clean(benefit, `proof point ${i + 1}`)).filter(Boolean);
  return {
    product,
    audience,
    message,
    benefits: benefits.length ? benefits : [`${upperFirst(product)} is built for ${audience}`],
    cta: clean(brief.cta, 'call to action') || `Find out more about ${product}`,
    offer: clean(brief.offer ?? '', 'offer'),
    keep,
    notices,
  };
}

/** Several candidates for a short line: a seeded one among those that fit, or the first cut to fit. */
function chooseFitting(random: Random, candidates: readonly string[], room: { max: number; maxWords?: number }): string {
  const fitting = candidates.filter((c) => c && fits(c, room.max, room.maxWords));
  if (fitting.length) return random.pick(fitting);
  return fitWords(candidates.find(Boolean) ?? '', room.max, room.maxWords);
}

// A heading names the benefit; the paragraph under it says it in full. Long benefits are cut before
// their first connecting word ("… as it happens", "… that leaves no white cast"), once two words are in.
const connectors = /^(?:that|which|who|as|and|so|while|with|without|because|when)$/i;

function heading(benefit: string): string {
  const words = benefit.split(/\s+/);
  if (words.length <= 5) return upperFirst(benefit);
  const cut = words.findIndex((word, i) => i >= 2 && (connectors.test(word) || /,$/.test(words[i - 1]!)));
  return upperFirst(bare(cut > 0 ? words.slice(0, cut).join(' ') : benefit));
}

function article(f: Facts, random: Random): PackCopy['article'] {
  // Titles stay within what search results show (about 60 characters, per Google's title-link guidance).
  const title = chooseFitting(random, [
    `${f.message}`,
    `${f.message}: how ${f.product} helps ${f.audience}`,
    // A message with its own comma ("in days, not weeks") needs one before the added phrase too.
    `${f.message}${f.message.includes(',') ? ',' : ''} with ${f.product}`,
  ], { max: 60 });
  const challenge = `The challenge for ${f.audience}`;
  const start = `Getting started with ${f.product}`;
  const outline = [challenge, ...f.benefits.map(heading), start];
  const intro = `${sentence(f.message)} That is the idea behind ${f.product}, built for ${f.audience}. ${random.pick([
    'Here is what changes, and how to start.',
    'Below, we look at what changes day to day.',
    'This piece walks through what changes and where to begin.',
  ])}`;
  const problem = `${random.pick([
    `For ${f.audience}, the hard part is rarely knowing what good looks like; it is getting there without extra effort.`,
    `${upperFirst(f.audience)} want better results with less effort, without trading one for the other.`,
    `Ask ${f.audience} what slows them down, and the answer is usually the same few routine steps.`,
  ])} ${upperFirst(f.product)} is designed to change that.`;
  const followUps = shuffled(random, [
    'That means less time on routine steps and more time for what matters.',
    'It is one less thing to think about.',
    'It is a small change that adds up over time.',
    'It fits the way you already work.',
    'And it stays simple from the first day.',
  ]);
  // Headings are Markdown, so the kit's heading rules check them and every host can style them.
  const sections = f.benefits.map((benefit, i) => `## ${heading(benefit)}\n\n${sentence(benefit)} ${followUps[i % followUps.length]}`);
  const close = `${f.offer ? `${sentence(f.offer)} ` : ''}${sentence(f.cta)} ${upperFirst(f.product)} is ready when you are.`;
  const body = [intro, `## ${challenge}\n\n${problem}`, ...sections, `## ${start}\n\n${close}`].join('\n\n');
  return { title, outline, body };
}

function subjectLines(f: Facts, random: Random, room: { max: number; maxWords?: number }): string[] {
  const lead = f.benefits[0]!;
  const benefit = chooseFitting(random, [upperFirst(lead), f.message, `${f.product}: ${lowerFirst(lead, f.keep)}`], room);
  const question = chooseFitting(
    random,
    [`Ready for ${f.product}?`, `What could ${f.product} change for you?`, `${upperFirst(f.audience)}: have you met ${f.product}?`],
    room,
  );
  const count = Math.min(f.benefits.length, numberWords.length - 1);
  const urgent = f.offer
    ? [`${upperFirst(f.offer)}: ${lowerFirst(f.cta, f.keep)} today`, `Don't miss it: ${lowerFirst(f.offer, f.keep)}`]
    : [`New: ${f.message}`, `Now available: ${f.product}`];
  const numbered = count >= 2 ? [`${numberWords[count]} ways ${f.product} helps ${f.audience}`, `${numberWords[count]} reasons to try ${f.product}`] : [];
  const third = chooseFitting(random, [...numbered, ...urgent], room);
  // Three distinct lines even when the brief is thin.
  const lines = [benefit, question, third];
  return lines.map((line, i) => (lines.indexOf(line) === i ? line : fitWords(`${line} (${numberWords[i + 1]})`, room.max, room.maxWords)));
}

function email(f: Facts, random: Random, subject: string, kit: BrandKit): PackCopy['email'] {
  const preheaderRoom = copyLimit(kit, 'email-preheader');
  const candidates = [f.benefits.slice(0, 2).map(sentence).join(' '), `${sentence(f.message)} ${sentence(f.cta)}`, sentence(f.benefits[0]!)];
  // The preheader follows the subject in the inbox, so it avoids repeating it.
  const fresh = candidates.filter((candidate) => !candidate.startsWith(bare(subject)));
  const preheader = chooseFitting(random, fresh.length ? fresh : candidates, preheaderRoom);
  const greeting = random.pick(['Hi there,', 'Hello,']);
  const list = f.benefits.map((b) => `- ${upperFirst(b)}`).join('\n');
  const offer = f.offer ? `\n\n${sentence(f.offer)}` : '';
  const body = `${greeting}\n\n${sentence(f.message)} ${upperFirst(f.product)} is built for ${f.audience}:\n\n${list}${offer}\n\n${sentence(f.cta)}\n\nThe ${kit.name} team`;
  return { subject, preheader, body };
}

/** The offline draft of every piece, before brand fixes and limits are applied, and what it left out of the brief. */
export function offlineCopy(brief: Brief, kit: BrandKit, random: Random, channels: { social: string; ad: string }): { copy: PackCopy; notices: string[] } {
  const f = factsOf(brief, kit);
  const subjectRoom = copyLimit(kit, 'email-subject');
  const lines = subjectLines(f, random, subjectRoom);
  const socialRoom = copyLimit(kit, channels.social);
  const social = chooseFitting(
    random,
    [
      `${sentence(f.message)} ${sentence(f.benefits[0]!)} ${sentence(f.cta)}`,
      `${sentence(f.message)} ${upperFirst(f.product)} is built for ${f.audience}. ${sentence(f.cta)}`,
      `${sentence(f.message)} ${sentence(f.cta)}`,
    ],
    socialRoom,
  );
  const adRoom = copyLimit(kit, channels.ad);
  // Headlines are chosen by quality, not at random: the key message first, the product name last.
  const clause = fitWords(f.message, adRoom.max, adRoom.maxWords);
  const adHeadline =
    [f.message, /[,;:—–]/.test(f.message.slice(clause.length, clause.length + 1)) ? clause : '', `${f.product}: ${f.benefits[0]}`, upperFirst(f.benefits[0]!), upperFirst(f.product)].find(
      (c) => c && fits(c, adRoom.max, adRoom.maxWords),
    ) ?? clause;
  const copy = { article: article(f, random), email: email(f, random, lines[0]!, kit), subjectLines: lines, social, adHeadline };
  return { copy, notices: f.notices };
}

/**
 * Copy for a channel the pack has no fixed piece for (a LinkedIn intro, an SMS), fitted to its room,
 * with the brand name and opt-out wording the channel (or a kit rule for it) requires, and the
 * elements it could not supply (a link); no text when no copy fits.
 */
export function offlineChannelCopy(brief: Brief, kit: BrandKit, random: Random, channel: string): { text?: string; missing: string[] } {
  const f = factsOf(brief, kit);
  const room = copyLimit(kit, channel);
  const required = new Set(resolveChannel(kit, channel)?.requiredElements ?? []);
  for (const rule of kit.rules) if (rule.type === 'required' && rule.channels?.includes(channel)) for (const element of rule.elements) required.add(element);
  const named = (text: string) => (required.has('brand-name') && !text.includes(kit.name) ? `${kit.name}: ${text}` : text);
  // Opt-out wording goes last, after the copy, so a cut never drops it.
  const optOut = required.has('opt-out') ? ' Reply STOP to opt out.' : '';
  const candidates = [
    `${sentence(f.message)} ${sentence(f.benefits[0]!)} ${sentence(f.cta)}`,
    `${sentence(f.message)} ${sentence(f.cta)}`,
    sentence(f.cta),
  ].map((text) => named(text) + optOut);
  const fitting = candidates.filter((c) => fits(c, room.max, room.maxWords));
  const missing = required.has('link') ? ['link'] : [];
  return fitting.length ? { text: random.pick(fitting), missing } : { missing };
}
