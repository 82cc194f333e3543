import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseKit, parseKitJson, type BrandKit } from '../../../shared/src/kit';
import { applyFixes, brandFitScore, isSafeFix, lintText, planFixes } from '../../../shared/src/lint';
import { LineMap } from '../../../shared/src/text';

const example = (name: string): BrandKit => {
  const parsed = parseKitJson(readFileSync(new URL(`../../../examples/kits/${name}.json`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('example kit does not parse');
  return parsed.value;
};
const kits = [example('ledgerline'), example('juniper-oak')];

// Pieces that exercise the engine: kit words, Unicode edge cases and raw UTF-16 units.
const pieces = [
  'utilize', 'Utilize', 'ledgerline', 'Ledgerline', 'the', 'the the', 'heals', 'color', 'Color', 'login', 'e-mail', 'best',
  '30%', '$49', 'DSO', 'APR (annual percentage rate)', 'never', '!', '#JuniperAndOak', 'STOP', 'skin care', 'Rosehip',
  ' ', ' ', '\n', '\r\n', '\r', '\n\n', '# ', '. ', ', ', '"', '“', '”', '`', 'https://x.io/a', 'a@b.co',
  '👨‍👩‍👧', '👍🏽', '🇫🇷', '❤️', 'e\u0301', '\u0301', '\u200d', '日本語', '한국어', 'مرحبا', 'שָׁלוֹם', '\uD83D', '\uDE00', '\uFFFF', '\u0000',
];
const unit = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pieces) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) });
const anyText = fc.array(unit, { maxLength: 40 }).map((parts) => parts.join(''));
const channel = fc.constantFrom(undefined, 'sms', 'x-post', 'email-subject', 'search-ad-headline', 'social-post', 'promo-email');

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const splitsPair = (text: string, offset: number) => offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));

function checkFindings(text: string, kit: BrandKit, ch?: string) {
  const { findings, score } = lintText(text, kit, { channel: ch, aiGenerated: true });
  const lines = new LineMap(text);
  expect(score).toBe(brandFitScore(text, findings));
  expect(score).toBeGreaterThanOrEqual(0);
  expect(score).toBeLessThanOrEqual(100);
  for (const f of findings) {
    expect(0 <= f.start && f.start <= f.end && f.end <= text.length).toBe(true);
    expect(splitsPair(text, f.start) || splitsPair(text, f.end)).toBe(false);
    expect(f.match).toBe(text.slice(f.start, f.end));
    expect(lines.position(f.start)).toEqual({ line: f.line, column: f.column });
  }
  return findings;
}

describe('linter properties', () => {
  it('never throws on any string and keeps offsets in bounds, off surrogate middles', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(0, 1), channel, (text, k, ch) => {
        checkFindings(text, kits[k]!, ch);
      }),
      { numRuns: 300 },
    );
  });

  it('plans fixes that never overlap, and relinting finds none of the fixed findings again', () => {
    let fixedSome = 0;
    fc.assert(
      fc.property(anyText, fc.constantFrom(0, 1), (text, k) => {
        const kit = kits[k]!;
        const safe = lintText(text, kit).findings.filter(isSafeFix);
        const plan = planFixes(text, safe);
        for (let i = 1; i < plan.length; i++) expect(plan[i]!.start).toBeGreaterThanOrEqual(plan[i - 1]!.end);
        const fixed = applyFixes(text, safe);
        // Where each fix landed in the fixed text.
        let shift = 0;
        const landed = plan.map((fix) => {
          const at = { start: fix.start + shift, end: fix.start + shift + fix.replacement.length, rule: fix.finding.rule, match: fix.finding.match };
          shift += fix.replacement.length - (fix.end - fix.start);
          return at;
        });
        const again = lintText(fixed, kit).findings;
        for (const was of landed) {
          const refound = again.find((f) => f.rule === was.rule && f.match === was.match && f.start >= was.start - 1 && f.end <= was.end + 1);
          expect(refound).toBeUndefined();
        }
        if (plan.length > 0) fixedSome++;
      }),
      { numRuns: 200 },
    );
    expect(fixedSome).toBeGreaterThan(20);
  });

  it('applies the same findings twice without changing anything more', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(0, 1), (text, k) => {
        const { findings } = lintText(text, kits[k]!, { channel: 'x-post', aiGenerated: true });
        const once = applyFixes(text, findings);
        expect(applyFixes(once, findings)).toBe(once);
      }),
      { numRuns: 200 },
    );
  });
});

// Valid kits of every rule type, built from small vocabularies; only kits the schema accepts are used.
const word = fc.oneof(fc.constantFrom('utilize', 'synergy', 'Acme', 'the', 'e-mail', 'DSO', '日本', 'مرحبا', 'x', '!', '%', 'a b'), fc.string({ minLength: 1, maxLength: 6 }));
const words = fc.array(word, { maxLength: 4 });
const patternArb = fc.oneof(fc.constantFrom('\\bfoo\\b', '!', '\\d+%', '[A-Z]{2,}', '\\p{Lu}+', '(?:a|b)c', '', '(a+)+', '(', 'x*'), fc.string({ maxLength: 6 }));
const severity = fc.constantFrom('error', 'warning', 'suggestion');
const channels = fc.option(fc.subarray(['sms', 'x-post', 'email-subject']), { nil: undefined });
const skip = fc.option(fc.subarray(['urls', 'emails', 'quotes', 'code']), { nil: undefined });
const swap = fc.dictionary(word, fc.oneof(word, words), { maxKeys: 4 });
const ruleArb = fc.oneof(
  fc.record({ type: fc.constant('existence'), tokens: words, pattern: fc.option(patternArb, { nil: undefined }), ignoreCase: fc.boolean(), exceptions: words }),
  fc.record({ type: fc.constant('substitution'), swap, keepCase: fc.boolean(), ignoreCase: fc.boolean(), regex: fc.boolean() }),
  fc.record({ type: fc.constant('capitalization'), style: fc.option(fc.constantFrom('title', 'sentence', 'upper', 'lower'), { nil: undefined }), scope: fc.constantFrom('headings', 'text', 'lines'), terms: words, exceptions: words }),
  fc.record({ type: fc.constant('occurrence'), token: patternArb, max: fc.option(fc.nat(3), { nil: undefined }), min: fc.option(fc.nat(3), { nil: undefined }), scope: fc.constantFrom('text', 'paragraph', 'sentence') }),
  fc.record({ type: fc.constant('length'), scope: fc.constantFrom('text', 'paragraph', 'sentence', 'line'), maxGraphemes: fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }), minWords: fc.option(fc.nat(5), { nil: undefined }), maxWords: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }) }),
  fc.record({ type: fc.constant('repetition'), ignoreCase: fc.boolean(), exceptions: words }),
  fc.record({ type: fc.constant('consistency'), either: fc.dictionary(word, word, { maxKeys: 3 }) }),
  fc.record({ type: fc.constant('conditional'), exceptions: words }),
  fc.record({ type: fc.constant('readability'), maxGrade: fc.integer({ min: 0, max: 14 }), minWords: fc.integer({ min: 1, max: 30 }), scope: fc.constantFrom('text', 'paragraph') }),
  fc.record({ type: fc.constant('claims'), categories: fc.option(fc.subarray(['superlatives', 'numbers', 'prices', 'health', 'finance']), { nil: undefined }) }),
  fc.record({ type: fc.constant('required'), elements: fc.array(fc.oneof(fc.constantFrom('cta', 'opt-out', 'link', 'brand-name', 'hashtag', 'disclosure'), word), { minLength: 1, maxLength: 3 }) }),
);
const withHead = fc.tuple(ruleArb, severity, channels, skip, fc.string({ minLength: 1, maxLength: 12 })).map(([rule, sev, ch, sk, message]) => {
  const out: Record<string, unknown> = { ...rule, severity: sev, message };
  if (ch) out.channels = ch;
  if (sk) out.skip = sk;
  for (const [key, value] of Object.entries(out)) if (value === undefined) delete out[key];
  return out;
});
const kitArb = fc
  .record({
    rules: fc.array(withHead, { maxLength: 6 }),
    terms: fc.array(fc.record({ term: word, status: fc.constantFrom('approved', 'banned', 'avoid'), replacements: words, caseSensitive: fc.boolean(), misspellings: words }), { maxLength: 4 }),
    approved: words,
  })
  .map(({ rules, terms, approved }) => ({
    schemaVersion: 1,
    name: 'Acme',
    version: '1',
    rules: rules.map((rule, i) => ({ ...rule, id: `r${i}` })),
    terms,
    claims: { approved },
    disclosure: { label: 'AI', channels: ['x-post'] },
  }));

describe('any kit the schema accepts', () => {
  it('lints any text without error', () => {
    let accepted = 0;
    fc.assert(
      fc.property(kitArb, anyText, channel, (data, text, ch) => {
        const parsed = parseKit(data);
        if (!parsed.ok) return;
        accepted++;
        checkFindings(text, parsed.value, ch === 'promo-email' ? undefined : ch);
      }),
      { numRuns: 300 },
    );
    expect(accepted).toBeGreaterThan(50);
  });
});
