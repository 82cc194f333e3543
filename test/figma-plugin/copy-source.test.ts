import { describe, expect, it } from 'vitest';
import { apiKeyPlaceholder } from '../../figma-plugin/src/contract';
import { readRows, writeCopy, type GenerateRequest } from '../../figma-plugin/src/ui/copy-source';
import { sampleKit } from '../../preview/src/figma';
import { copyLimitsForSize } from '../../shared/src/layout';
import { countGraphemes } from '../../shared/src/text';

const base: GenerateRequest = {
  sizes: ['300x250', '320x50', '1080x1080'],
  count: 2,
  locale: 'en',
  slots: { '#headline': 'Spring sale: save 30% on every plan', '#cta': 'Start free trial' },
  brief: { product: 'Ledgerline', keyMessage: 'Close the books in days, not weeks' },
  kitJson: JSON.stringify(sampleKit),
  preferences: { nameTemplate: '{master}', sizeSets: [], provider: 'offline', model: '' },
  hasKey: false,
  transport: async () => {
    throw new Error('offline generation must not touch the network');
  },
};

describe('copy rows from CSV or a pasted sheet', () => {
  it('reads variant, locale and one column per #name layer, from commas or tabs', () => {
    expect(readRows('variant,locale,#headline,#CTA\nA,en,"Save 30%, today",Go\n\nB,de,Jetzt sparen,')).toEqual({
      rows: [
        { variant: 'A', locale: 'en', texts: { '#headline': 'Save 30%, today', '#cta': 'Go' } },
        { variant: 'B', locale: 'de', texts: { '#headline': 'Jetzt sparen' } },
      ],
      problems: [],
    });
    expect(readRows('#headline\tlocale\nHallo\tde').rows).toEqual([{ variant: 'A', locale: 'de', texts: { '#headline': 'Hallo' } }]);
  });

  it('says what the header needs when no column names a layer', () => {
    expect(readRows('variant,headline\nA,Hi').problems[0]).toMatch(/first line must name the layers/);
  });
});

describe('written copy per size', () => {
  it('writes each size its own variants within that size\'s limits, offline by default', async () => {
    const { copy, notices } = await writeCopy(base);
    expect(copy.mode).toBe('generated');
    if (copy.mode !== 'generated') return;
    expect(copy.provenance.provider).toBe('offline');
    expect(copy.bySize.map((entry) => [entry.size, entry.rows.map((row) => row.variant)])).toEqual([
      ['300x250', ['A', 'B']],
      ['320x50', ['A', 'B']],
      ['1080x1080', ['A', 'B']],
    ]);
    for (const entry of copy.bySize) {
      const [width, height] = entry.size.split('x').map(Number) as [number, number];
      const limits = copyLimitsForSize(width, height, 12);
      for (const row of entry.rows) if (row.texts['#headline']) expect(countGraphemes(row.texts['#headline'])).toBeLessThanOrEqual(limits.headline);
    }
    expect(notices.join(' ')).not.toMatch(/language model/);
  });

  it('asks the model through the transport with a placeholder where the key goes', async () => {
    const sent: { headers: Record<string, string> }[] = [];
    const answer = JSON.stringify({ slots: [{ id: 'headline', variants: ['Books closed in days', 'Close faster'] }, { id: 'cta', variants: ['Try it', 'Start'] }] });
    await writeCopy({
      ...base,
      sizes: ['1080x1080'],
      preferences: { ...base.preferences, provider: 'openai' },
      hasKey: true,
      transport: async (request) => {
        sent.push(request);
        return { status: 200, body: JSON.stringify({ choices: [{ message: { role: 'assistant', content: answer, refusal: null } }] }) };
      },
    });
    expect(sent.length).toBeGreaterThan(0);
    expect(sent[0]!.headers.authorization).toBe(`Bearer ${apiKeyPlaceholder}`);
  });
});
