import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { generateSlotVariants, generateVariants, type SlotRequest, type VariantRequest } from '../../../shared/src/generate';
import { countGraphemes } from '../../../shared/src/text';
import { startLlmServer, type LlmServer } from '../../helpers/llm-servers';
import { apiKey, brief, now, testKit, transport } from './support';

const kit = testKit();
const request = (overrides: Partial<VariantRequest> = {}): VariantRequest => ({ kind: 'headline', brief, count: 4, maxGraphemes: 30, ...overrides });

let server: LlmServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('generateVariants offline', () => {
  it.each(['headline', 'cta', 'body'] as const)('writes distinct %s variants within the length limit', async (kind) => {
    const max = kind === 'body' ? 90 : 25;
    const out = await generateVariants(request({ kind, maxGraphemes: max, count: 3 }), kit, { now });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const texts = out.value.variants.map((v) => v.text);
    expect(texts).toHaveLength(3);
    expect(new Set(texts.map((t) => t.toLowerCase())).size).toBe(3);
    for (const text of texts) expect(countGraphemes(text)).toBeLessThanOrEqual(max);
    expect(out.value.provenance).toMatchObject({ provider: 'offline', template: 'ad-variants', aiGenerated: true });
  });

  it('is deterministic for the same request and kit', async () => {
    const a = await generateVariants(request(), kit, { now });
    const b = await generateVariants(request(), kit, { now });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('keeps the brief\'s own call to action first', async () => {
    const out = await generateVariants(request({ kind: 'cta', maxGraphemes: 20 }), kit, { now });
    expect(out.ok && out.value.variants[0]?.text).toBe('Book a demo');
  });

  it('says so when the brief gives fewer distinct variants than asked', async () => {
    const out = await generateVariants(request({ kind: 'headline', count: 20, maxGraphemes: 12 }), kit, { now });
    expect(out.ok && out.value.notices.join(' ')).toMatch(/distinct headline variants offline, not 20/);
  });

  it('reserves room for the disclosure label on a channel that requires it', async () => {
    const out = await generateVariants(request({ kind: 'body', maxGraphemes: 60, channel: 'social-post' }), kit, { now });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    for (const variant of out.value.variants) {
      expect(variant.text.endsWith(' AI-generated')).toBe(true);
      expect(countGraphemes(variant.text)).toBeLessThanOrEqual(60);
    }
  });

  it('names bad request fields', async () => {
    const out = await generateVariants({ ...request(), count: 0, maxGraphemes: -1 } as VariantRequest, kit, { now });
    expect(!out.ok && out.issues.map((i) => i.path)).toEqual(['count', 'maxGraphemes']);
  });
});

describe('generateVariants offline, for any brief', () => {
  const phrase = fc.array(fc.oneof(fc.constantFrom('close', 'books', 'cheap', 'synergy', '👩‍💻', 'x'.repeat(40)), fc.string({ minLength: 1, maxLength: 10 })), { minLength: 1, maxLength: 10 }).map((w) => w.join(' '));
  const requests = fc.record({
    kind: fc.constantFrom('headline' as const, 'cta' as const, 'body' as const),
    brief: fc.record({ product: phrase, keyMessage: phrase, benefits: fc.array(phrase, { maxLength: 4 }), cta: phrase }),
    count: fc.integer({ min: 1, max: 6 }),
    maxGraphemes: fc.integer({ min: 8, max: 120 }),
  });

  it('never goes over the length limit and never writes a banned term', async () => {
    await fc.assert(
      fc.asyncProperty(requests, async (input) => {
        if (input.brief.product.trim() === '' || input.brief.keyMessage.trim() === '') return;
        const out = await generateVariants(input, kit, { now });
        if (!out.ok) return;
        for (const variant of out.value.variants) {
          expect(countGraphemes(variant.text)).toBeLessThanOrEqual(input.maxGraphemes);
          expect(variant.text).not.toMatch(/\b(?:cheap|synergy)\b/i);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('generateVariants with a model', () => {
  it('asks once with the per-slot limit and returns the model\'s variants', async () => {
    const payload = { slots: [{ id: 'headline', variants: ['Month-end, minus the chase', 'Receipts that match themselves', 'Close faster with Ledgerline'] }] };
    server = await startLlmServer('openai', [{ kind: 'valid', payload }]);
    const out = await generateVariants(request({ count: 3 }), kit, { provider: 'openai', apiKey, baseUrl: server.baseUrl, transport, now });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.body.messages[1].content).toContain('- slot "headline": 3 headline variants, each at most 30 characters');
    expect(out.ok && out.value.variants.map((v) => v.text)).toEqual(payload.slots[0]!.variants);
    expect(out.ok && out.value.provenance.provider).toBe('openai');
  });

  it('falls back to offline variants with a notice when the model cannot be used', async () => {
    server = await startLlmServer('gemini', [{ kind: 'malformed' }]);
    const out = await generateVariants(request(), kit, { provider: 'gemini', apiKey, baseUrl: server.baseUrl, transport, now });
    expect(server.requests).toHaveLength(2);
    expect(out.ok && out.value.provenance.provider).toBe('offline');
    expect(out.ok && out.value.notices[0]).toMatch(/offline drafts instead/);
  });
});

describe('generateSlotVariants', () => {
  const slots: SlotRequest = {
    brief,
    slots: [
      { id: '300x250/headline', kind: 'headline', count: 2, maxGraphemes: 25 },
      { id: '300x250/cta', kind: 'cta', count: 2, maxGraphemes: 15 },
      { id: '728x90/headline', kind: 'headline', count: 2, maxGraphemes: 40 },
    ],
  };

  it('writes every slot offline within its own limit', async () => {
    const out = await generateSlotVariants(slots, kit, { now });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.value.slots.map((slot) => slot.id)).toEqual(['300x250/headline', '300x250/cta', '728x90/headline']);
    out.value.slots.forEach((slot, i) => {
      expect(slot.variants).toHaveLength(2);
      for (const variant of slot.variants) expect(countGraphemes(variant.text)).toBeLessThanOrEqual(slots.slots[i]!.maxGraphemes);
    });
  });

  it('gives a slot the same copy as asking for it alone', async () => {
    const together = await generateSlotVariants(slots, kit, { now });
    const alone = await generateVariants({ kind: 'headline', brief, count: 2, maxGraphemes: 40 }, kit, { now });
    expect(together.ok && together.value.slots[2]!.variants.map((v) => v.text)).toEqual(alone.ok && alone.value.variants.map((v) => v.text));
  });

  it('asks a model for every slot in one request', async () => {
    const payload = {
      slots: [
        { id: '300x250/headline', variants: ['No more receipt chasing', 'Receipts match themselves'] },
        { id: '300x250/cta', variants: ['Book a demo', 'See it work'] },
        { id: '728x90/headline', variants: ['Close the books in days, not weeks', 'Spend limits for every team'] },
      ],
    };
    server = await startLlmServer('openai', [{ kind: 'valid', payload }]);
    const out = await generateSlotVariants(slots, kit, { provider: 'openai', apiKey, baseUrl: server.baseUrl, transport, now });
    expect(server.requests).toHaveLength(1);
    const user = server.requests[0]!.body.messages[1].content;
    expect(user).toContain('- slot "300x250/cta": 2 cta variants, each at most 15 characters');
    expect(user).toContain('- slot "728x90/headline": 2 headline variants, each at most 40 characters');
    expect(out.ok && out.value.slots.map((slot) => slot.variants.map((v) => v.text))).toEqual(payload.slots.map((slot) => slot.variants));
  });

  it('asks again, naming a slot the answer left out', async () => {
    const partial = { slots: [{ id: '300x250/headline', variants: ['Month-end, minus the chase', 'Receipts match themselves'] }] };
    server = await startLlmServer('openai', [{ kind: 'valid', payload: partial }]);
    const out = await generateSlotVariants(slots, kit, { provider: 'openai', apiKey, baseUrl: server.baseUrl, transport, now });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.body.messages[1].content).toContain('the answer has no slot "300x250/cta"');
    expect(out.ok && out.value.provenance.provider).toBe('offline');
  });

  it('names slots that share an id', async () => {
    const out = await generateSlotVariants({ brief, slots: [slots.slots[0]!, slots.slots[0]!] }, kit, { now });
    expect(!out.ok && out.issues).toEqual([{ path: 'slots', message: 'slot ids must be different' }]);
  });
});
