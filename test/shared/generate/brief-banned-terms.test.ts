import { describe, expect, it } from 'vitest';
import { generateContentPack, type ContentPack } from '../../../shared/src/generate';
import type { Finding } from '../../../shared/src/findings';
import { isSafeFix, lintText } from '../../../shared/src/lint';
import type { BrandKit } from '../../../shared/src/kit';
import { brief, loadJson, loadKit, now, testKit } from './support';

async function offline(input: unknown, kit: BrandKit): Promise<ContentPack> {
  const out = await generateContentPack(input, kit, { now });
  if (!out.ok) throw new Error(JSON.stringify(out.issues));
  return out.value;
}

// A finding the draft should never carry: a banned term, or an error a safe fix removes or that came from the brief's words.
function avoidable(finding: Finding, briefText: string): boolean {
  if (finding.rule.startsWith('claims.')) return false;
  if (finding.rule === 'terms.banned') return true;
  return finding.severity === 'error' && (isSafeFix(finding) || briefText.toLowerCase().includes(finding.match.toLowerCase()));
}

function leftovers(pack: ContentPack, kit: BrandKit, briefText: string): string[] {
  return pack.pieces.flatMap((piece) =>
    lintText(piece.text, kit, { channel: piece.channel, aiGenerated: true })
      .findings.filter((f) => avoidable(f, briefText))
      .map((f) => `${piece.id}: ${f.rule} "${f.match}"`),
  );
}

describe('the offline pack for a brief that uses words the kit forbids', () => {
  it('drops a banned term with no replacement, with its clause, and says so', async () => {
    const kit = testKit();
    const input = { ...brief, keyMessage: 'Create synergy between teams, and close the books in days', benefits: ['Spend limits are set per team, for real synergy', ...brief.benefits] };
    const pack = await offline(input, kit);
    const text = pack.pieces.map((p) => p.text).join('\n');
    expect(text).not.toMatch(/synergy/i);
    expect(leftovers(pack, kit, JSON.stringify(input))).toEqual([]);
    // What is left of the key message still leads the draft.
    expect(pack.article.body).toContain('Close the books in days');
    expect(pack.notices.some((n) => n.includes('key message') && n.includes('“synergy”') && n.includes('Create synergy between teams'))).toBe(true);
    expect(pack.notices.some((n) => n.includes('proof point 1') && n.includes('“synergy”'))).toBe(true);
  });

  it('says the kit’s word for a banned term and leaves out clauses that break an error-level rule', async () => {
    const kit = loadKit('examples/kits/juniper-oak.json');
    const input = loadJson('examples/briefs/juniper-oak-summer.json');
    input.keyMessage = 'Flawless clean beauty that reverses ageing, for every skin';
    input.benefits = ['Eco-friendly refills that flush toxins', ...input.benefits];
    const pack = await offline(input, kit);
    expect(leftovers(pack, kit, JSON.stringify(input))).toEqual([]);
    expect(pack.article.body).toContain('Radiant natural skincare, for every skin.');
    expect(pack.notices).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/banned “Flawless”; the draft says “Radiant”/),
        expect.stringMatching(/Left out “that reverses ageing” from the brief's key message/),
        expect.stringMatching(/Left out .*from the brief's proof point 1.*flush toxins/),
      ]),
    );
  });

  it('leaves a brief that follows the kit as it was, with no notice about its words', async () => {
    const pack = await offline(brief, testKit());
    expect(pack.notices.filter((n) => /brief's/.test(n))).toEqual([]);
  });
});
