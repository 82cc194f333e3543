import fc from 'fast-check';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateContentPack, type ContentPack } from '../../../shared/src/generate';
import { applyFixes, isSafeFix, lintText } from '../../../shared/src/lint';
import { resolveChannel, type BrandKit } from '../../../shared/src/kit';
import { countGraphemes } from '../../../shared/src/text';
import { brief, loadJson, loadKit, now, testKit } from './support';

const examples = [
  { name: 'ledgerline', kit: 'examples/kits/ledgerline.json', brief: 'examples/briefs/ledgerline-launch.json' },
  { name: 'juniper-oak', kit: 'examples/kits/juniper-oak.json', brief: 'examples/briefs/juniper-oak-summer.json' },
];

async function offline(input: unknown, kit: BrandKit, at = now): Promise<ContentPack> {
  const out = await generateContentPack(input, kit, { now: at });
  if (!out.ok) throw new Error(JSON.stringify(out.issues));
  return out.value;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every banned or avoided form of the kit that appears in the pack's text. */
function bannedIn(pack: ContentPack, kit: BrandKit): string[] {
  const text = pack.pieces.map((p) => p.text).join('\n');
  const found: string[] = [];
  for (const term of kit.terms) {
    if (term.status === 'approved') continue;
    for (const form of [term.term, ...term.misspellings]) {
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(form)}(?![\\p{L}\\p{N}])`, term.caseSensitive ? 'u' : 'iu');
      if (pattern.test(text)) found.push(form);
    }
  }
  return found;
}

/** Every channel piece over its channel's limits. */
function overLimits(pack: ContentPack, kit: BrandKit): string[] {
  return pack.pieces.flatMap((piece) => {
    const channel = piece.channel ? resolveChannel(kit, piece.channel) : undefined;
    if (!channel) return [];
    // A disclosure label on a line of its own is a separate field, outside the copy's limit.
    const text = piece.disclosure && piece.text.endsWith(`\n${piece.disclosure}`) ? piece.text.slice(0, -piece.disclosure.length - 1) : piece.text;
    const words = text.split(/\s+/).filter(Boolean).length;
    const over = (channel.maxGraphemes !== undefined && countGraphemes(text) > channel.maxGraphemes) || (channel.maxWords !== undefined && words > channel.maxWords);
    return over ? [`${piece.id}: ${piece.text}`] : [];
  });
}

describe.each(examples)('the offline pack for $name', ({ name, kit: kitPath, brief: briefPath }) => {
  const golden = `test/fixtures/generate/${name}-pack.json`;

  it('matches its golden file (update on purpose with UPDATE_GOLDENS=1)', async () => {
    const pack = await offline(loadJson(briefPath), loadKit(kitPath));
    // The golden pins what the generator writes; findings and scores belong to the brand engine's own tests.
    const pinned = { ...pack, pieces: pack.pieces.map(({ id, channel, needsReview, disclosure }) => ({ id, channel, needsReview, disclosure })) };
    const text = `${JSON.stringify(pinned, null, 2)}\n`;
    if (process.env.UPDATE_GOLDENS === '1') writeFileSync(golden, text);
    expect(text).toBe(readFileSync(golden, 'utf8'));
  });

  it('reads like a first draft built from the brief', async () => {
    const input = loadJson(briefPath);
    const kit = loadKit(kitPath);
    const pack = await offline(input, kit);
    expect(pack.article.outline).toHaveLength(input.benefits.length + 2);
    expect(pack.article.body.split(/\s+/).length).toBeGreaterThan(120);
    // The draft says the key message in the kit's words (Juniper & Oak writes "skincare").
    const inKitWords = applyFixes(input.keyMessage, lintText(input.keyMessage, kit).findings.filter(isSafeFix));
    expect(pack.article.body).toContain(inKitWords);
    expect(pack.email.body).toContain(input.cta);
    expect(new Set(pack.subjectLines).size).toBe(3);
    expect(pack.subjectLines.some((line) => line.endsWith('?'))).toBe(true);
    expect(JSON.stringify(pack)).not.toMatch(/\{\{|\blorem\b|\bTODO\b|\bundefined\b|\bnull\b|\bNaN\b/i);
  });

  it('keeps every piece within its channel limits and free of banned terms', async () => {
    const kit = loadKit(kitPath);
    const pack = await offline(loadJson(briefPath), kit);
    expect(overLimits(pack, kit)).toEqual([]);
    expect(bannedIn(pack, kit)).toEqual([]);
  });
});

describe('the offline generator', () => {
  const kit = testKit();

  it('gives byte-identical output for the same brief and kit', async () => {
    expect(JSON.stringify(await offline(brief, kit))).toBe(JSON.stringify(await offline(brief, kit)));
  });

  it('does not depend on the order of keys in the brief', async () => {
    const reordered = Object.fromEntries(Object.entries(brief).reverse());
    expect(JSON.stringify(await offline(reordered, kit))).toBe(JSON.stringify(await offline(brief, kit)));
  });

  it('records a new seed when the brief or the kit changes', async () => {
    const base = await offline(brief, kit);
    expect((await offline({ ...brief, cta: 'Start a trial' }, kit)).provenance.seed).not.toBe(base.provenance.seed);
    expect((await offline(brief, { ...kit, version: '1.0.1' })).provenance.seed).not.toBe(base.provenance.seed);
  });

  it('records provenance on the pack and on every piece', async () => {
    const pack = await offline(brief, kit);
    expect(pack.provenance).toEqual({
      provider: 'offline',
      model: 'onbrand-offline-1',
      template: 'content-pack',
      templateVersion: '1.0.0',
      seed: expect.stringMatching(/^[0-9a-f]{14}$/),
      createdAt: now,
      aiGenerated: true,
    });
    for (const piece of pack.pieces) expect(piece.provenance).toEqual(pack.provenance);
  });

  it('lists every piece with its findings and score', async () => {
    const pack = await offline(brief, kit);
    expect(pack.pieces.map((p) => p.id)).toEqual([
      'article.title',
      'article.outline',
      'article',
      'email.subject',
      'email.preheader',
      'email',
      'subjectLines.0',
      'subjectLines.1',
      'subjectLines.2',
      'social',
      'adHeadline',
    ]);
    for (const piece of pack.pieces) {
      expect(Array.isArray(piece.findings)).toBe(true);
      expect(piece.score).toBeGreaterThanOrEqual(0);
      expect(piece.score).toBeLessThanOrEqual(100);
    }
  });

  it('adds the disclosure label where the channel requires it', async () => {
    const pack = await offline(brief, kit);
    expect(pack.social.endsWith('AI-generated')).toBe(true);
    expect(pack.pieces.find((p) => p.id === 'social')?.disclosure).toBe('AI-generated');
    expect(pack.adHeadline).not.toContain('AI-generated');
  });

  it('writes the social piece for the channel the brief targets', async () => {
    const pack = await offline({ ...brief, channels: ['x-post'] }, kit);
    expect(pack.pieces.find((p) => p.id === 'social')?.channel).toBe('x-post');
  });

  it('replaces banned and avoided terms from the brief with the kit\'s words', async () => {
    const pack = await offline({ ...brief, keyMessage: 'A cheap way to leverage your ledgerline data', benefits: ['Synergy across teams', 'Cheap cards'] }, kit);
    expect(bannedIn(pack, kit)).toEqual([]);
    expect(pack.article.body).toContain('An affordable way to use your Ledgerline data'.slice(3));
  });

  it('marks a piece for review when it carries a claim the kit and brief do not approve', async () => {
    const claim = 'The fastest way to close the books';
    const flagged = await offline({ ...brief, keyMessage: claim }, kit);
    expect(flagged.pieces.find((p) => p.id === 'article')?.needsReview).toBe(true);
    expect(flagged.notices.join(' ')).toMatch(/a person must check them/);
    const approved = await offline({ ...brief, keyMessage: claim, approvedClaims: [claim] }, kit);
    expect(approved.pieces.find((p) => p.id === 'article')?.needsReview).toBe(false);
  });

  it('names a channel in the brief that the kit does not know', async () => {
    const out = await generateContentPack({ ...brief, channels: ['x-post', 'tiktok'] }, kit, { now });
    expect(!out.ok && out.issues).toEqual([{ path: 'channels[1]', message: expect.stringMatching(/^unknown channel "tiktok"; the kit knows email-subject, /) }]);
  });

  it('returns a bad brief as issues naming each field', async () => {
    const out = await generateContentPack({ ...brief, audience: '', benefits: [''] }, kit, { now });
    expect(!out.ok && out.issues.map((i) => i.path)).toEqual(['audience', 'benefits[0]']);
  });
});

describe('offline properties', () => {
  const kits = [testKit(), ...examples.filter((e) => existsSync(e.kit)).map((e) => loadKit(e.kit))];
  const banned = kits.flatMap((kit) => kit.terms.filter((t) => t.status !== 'approved').flatMap((t) => [t.term, ...t.misspellings]));
  const word = fc.oneof(
    fc.constantFrom('books', 'close', 'faster', 'team', 'receipts', 'skin', 'summer', 'ÉCLAIR', '👩‍💻', 'x'.repeat(70)),
    fc.constantFrom(...banned),
    fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0),
  );
  const phrase = fc.array(word, { minLength: 1, maxLength: 14 }).map((words) => words.join(' '));
  const briefs = fc.record({
    campaign: phrase,
    product: phrase,
    audience: phrase,
    keyMessage: phrase,
    benefits: fc.array(phrase, { minLength: 1, maxLength: 5 }),
    cta: phrase,
    offer: fc.option(phrase, { nil: undefined }),
    channels: fc.option(fc.subarray(['x-post', 'social-post', 'paid-social-headline', 'search-ad-headline']), { nil: undefined }),
  });

  it('always meets every channel limit', async () => {
    await fc.assert(
      fc.asyncProperty(briefs, fc.constantFrom(...kits), async (input, kit) => {
        expect(overLimits(await offline(input, kit), kit)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('never emits a banned or avoided term', async () => {
    await fc.assert(
      fc.asyncProperty(briefs, fc.constantFrom(...kits), async (input, kit) => {
        expect(bannedIn(await offline(input, kit), kit)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
